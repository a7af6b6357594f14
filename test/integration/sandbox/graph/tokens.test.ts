import { describe, expect, it } from 'vitest';
import { appsecretProof } from '../../../../sandbox/graph/appsecret-proof.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_APP_ID,
  DEMO_APP_NAME,
  DEMO_APP_SECRET,
  DEMO_SYSTEM_USER_ID,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
  DEMO_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, START, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
const APP_TOKEN = `${DEMO_APP_ID}|${DEMO_APP_SECRET}`;

describe('access tokens', () => {
  it('asks for a token when none is sent', async () => {
    const { graph } = await startGraph();
    const answer = await graph('me', { token: null });
    expect(answer.status).toBe(400);
    expect(graphError(answer)).toMatchObject({
      code: 104,
      message: 'An access token is required to request this resource.',
    });
  });

  it('answers 190 for a token it never issued, with the OAuth challenge header', async () => {
    const { graph } = await startGraph();
    const answer = await graph('me', { token: 'EAAmadeup', proof: 'none' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: expect.stringMatching(/^A[A-Za-z0-9_-]{22}$/),
        is_transient: false,
      },
    });
    expect(answer.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it.each([
    ['revoked', 467, 'The session is invalid because the user logged out.'],
    ['expired', 463, 'Session has expired on'],
    ['password_changed', 460, 'because the user changed their password'],
    ['checkpointed', 459, 'You cannot access the app till you log in to www.facebook.com'],
    ['app_not_installed', 458, `has not authorized application ${DEMO_APP_ID}`],
    ['unconfirmed', 464, 'not a confirmed user'],
  ] as const)('a %s token answers 190/%i', async (reason, subcode, text) => {
    const { graph, control } = await startGraph();
    const token = await control.issueToken({ personId: DEMO_USER_ID });
    expect((await graph('me', { token: token.token })).status).toBe(200);
    await control.invalidateToken(token.token, reason);
    const error = graphError(await graph('me', { token: token.token }));
    expect(error).toMatchObject({ code: 190, error_subcode: subcode, type: 'OAuthException' });
    expect(error.message).toMatch(/^Error validating access token: /);
    expect(error.message).toContain(text);
  });

  it('expires tokens by the clock, naming both times the way Meta does', async () => {
    const { graph, control } = await startGraph();
    const token = await control.issueToken({ personId: DEMO_USER_ID, expiresIn: 3600 });
    await control.advanceClock(3599);
    expect((await graph('me', { token: token.token })).status).toBe(200);
    await control.advanceClock(1);
    const error = graphError(await graph('me', { token: token.token }));
    expect(error).toMatchObject({ code: 190, error_subcode: 463 });
    // 2026-09-01T13:00:00Z is 06:00 in Los Angeles.
    expect(error.message).toBe(
      'Error validating access token: Session has expired on Tuesday, 01-Sep-26 06:00:00 PDT. The current time is Tuesday, 01-Sep-26 06:00:00 PDT.',
    );
  });

  it('never expires the system user token', async () => {
    const { graph, control } = await startGraph();
    await control.advanceClock(400 * 86_400);
    const answer = await graph('me', { token: DEMO_SYSTEM_USER_TOKEN });
    expect(answer.body).toEqual({ id: DEMO_SYSTEM_USER_ID, name: 'Audience Relay System User' });
  });

  it('takes the token (and every parameter) from the query, a form, multipart or JSON body', async () => {
    const { graph } = await startGraph();
    for (const encoding of ['query', 'form', 'json', 'multipart'] as const) {
      const answer = await graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
        method: 'POST',
        encoding,
        params: { name: encoding, subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' },
      });
      expect(answer.body, encoding).toEqual({ id: expect.stringMatching(/^238\d{14}$/) });
    }
    expect((await graph('me', { bearer: true })).body.id).toBe(DEMO_USER_ID);
  });

  it('accepts an `OAuth <token>` header as well', async () => {
    const { url } = await startGraph();
    const response = await fetch(
      `${url}/v26.0/me?appsecret_proof=${appsecretProof(DEMO_APP_SECRET, DEMO_USER_TOKEN)}`,
      { headers: { authorization: `OAuth ${DEMO_USER_TOKEN}` } },
    );
    expect(response.status).toBe(200);
  });
});

describe('appsecret_proof (the demo app requires it)', () => {
  it('accepts the classic HMAC of the token', async () => {
    const { graph } = await startGraph();
    expect((await graph('me', { proof: 'classic' })).status).toBe(200);
  });

  it('accepts the time-stamped form for five minutes, then refuses it', async () => {
    const { graph, url } = await startGraph();
    expect((await graph('me', { proof: 'timed' })).status).toBe(200);
    const signedAt = (time: number) =>
      fetch(
        `${url}/v26.0/me?${new URLSearchParams({
          access_token: DEMO_USER_TOKEN,
          appsecret_proof: appsecretProof(DEMO_APP_SECRET, DEMO_USER_TOKEN, time),
          appsecret_time: String(time),
        })}`,
      );
    const now = Math.floor(START.getTime() / 1000);
    const stale = await signedAt(now - 301);
    expect(((await stale.json()) as { error: { code: number } }).error.code).toBe(104);
    expect((await signedAt(now - 299)).status).toBe(200);
  });

  it('refuses a missing proof, a wrong one, and a timed proof without its time', async () => {
    const { graph, url } = await startGraph();
    expect(graphError(await graph('me', { proof: 'none' }))).toMatchObject({
      code: 104,
      message: 'API calls from the server require an appsecret_proof argument',
    });
    expect(graphError(await graph('me', { secret: 'wrong-secret' }))).toMatchObject({
      code: 104,
      message: 'Invalid appsecret_proof provided in the API argument',
    });
    const time = Math.floor(START.getTime() / 1000);
    const withoutTime = await fetch(
      `${url}/v26.0/me?${new URLSearchParams({
        access_token: DEMO_USER_TOKEN,
        appsecret_proof: appsecretProof(DEMO_APP_SECRET, DEMO_USER_TOKEN, time),
      })}`,
    );
    expect(((await withoutTime.json()) as { error: { code: number } }).error.code).toBe(104);
  });

  it('signs with the Bearer token too', async () => {
    const { graph } = await startGraph();
    expect((await graph('me', { bearer: true, proof: 'none' })).status).toBe(400);
    expect((await graph('me', { bearer: true, proof: 'classic' })).status).toBe(200);
  });

  it('lets apps that do not require proofs omit them, but still checks one that is sent', async () => {
    const { graph, control } = await startGraph();
    const app = await control.createApp({ name: 'Lenient', requireProof: false });
    const token = await control.issueToken({ appId: app.id, personId: DEMO_USER_ID });
    expect((await graph('me', { token: token.token, proof: 'none' })).status).toBe(200);
    expect((await graph('me', { token: token.token, secret: app.secret })).status).toBe(200);
    expect(graphError(await graph('me', { token: token.token })).code).toBe(104);
  });
});

describe('debug_token', () => {
  const debug = (
    graph: Awaited<ReturnType<typeof startGraph>>['graph'],
    input: string,
    token = APP_TOKEN,
  ) => graph('debug_token', { token, proof: 'none', params: { input_token: input } });

  it('describes a user token (reference §1.8)', async () => {
    const { graph } = await startGraph();
    const { body, headers } = await debug(graph, DEMO_USER_TOKEN);
    const issued = Math.floor(START.getTime() / 1000);
    expect(body).toEqual({
      data: {
        app_id: DEMO_APP_ID,
        type: 'USER',
        application: DEMO_APP_NAME,
        data_access_expires_at: issued + 90 * 86_400,
        expires_at: issued + 5_183_944,
        is_valid: true,
        issued_at: issued,
        scopes: ['ads_management', 'ads_read', 'business_management', 'public_profile'],
        granular_scopes: [
          { scope: 'ads_management', target_ids: ['1029384756', '1029384757', '2039485761'] },
          { scope: 'ads_read', target_ids: ['1029384756', '1029384757', '2039485761'] },
          { scope: 'business_management', target_ids: ['481203957716254', '592830146671038'] },
          { scope: 'public_profile' },
        ],
        user_id: DEMO_USER_ID,
      },
    });
    expect(JSON.parse(headers.get('x-app-usage') ?? '{}')).toHaveProperty('call_count');
  });

  it('shows a system user token as SYSTEM_USER that never expires', async () => {
    const { graph } = await startGraph();
    const { data } = (await debug(graph, DEMO_SYSTEM_USER_TOKEN)).body;
    expect(data).toMatchObject({
      type: 'SYSTEM_USER',
      expires_at: 0,
      data_access_expires_at: 0,
      is_valid: true,
      user_id: DEMO_SYSTEM_USER_ID,
    });
  });

  it('reports an invalidated token as is_valid:false with the nested error', async () => {
    const { graph, control } = await startGraph();
    const token = await control.issueToken({ personId: DEMO_USER_ID });
    await control.invalidateToken(token.token, 'password_changed');
    const { status, body } = await debug(graph, token.token);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      is_valid: false,
      user_id: DEMO_USER_ID,
      error: { code: 190, subcode: 460, message: expect.stringContaining('password') },
    });
  });

  it('reports a token it cannot parse', async () => {
    const { graph } = await startGraph();
    expect((await debug(graph, 'garbage')).body).toEqual({
      data: {
        error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
        is_valid: false,
        scopes: [],
      },
    });
  });

  it('can be asked with a signed token of the same app, not of another', async () => {
    const { graph, control } = await startGraph();
    const answer = await graph('debug_token', { params: { input_token: DEMO_SYSTEM_USER_TOKEN } });
    expect(answer.body.data.type).toBe('SYSTEM_USER');
    const other = await control.createApp({ name: 'Other', secret: 'other-secret' });
    const otherToken = `${other.id}|other-secret`;
    expect(graphError(await debug(graph, DEMO_USER_TOKEN, otherToken)).code).toBe(100);
  });

  it('refuses a wrong app secret and a missing input_token', async () => {
    const { graph } = await startGraph();
    expect(graphError(await debug(graph, DEMO_USER_TOKEN, `${DEMO_APP_ID}|nope`)).code).toBe(190);
    const missing = await graph('debug_token', { token: APP_TOKEN, proof: 'none' });
    expect(graphError(missing)).toMatchObject({
      code: 100,
      message: '(#100) The parameter input_token is required',
    });
  });

  it('refuses an app token where a person is needed', async () => {
    const { graph } = await startGraph();
    expect(graphError(await graph('me', { token: APP_TOKEN, proof: 'none' })).code).toBe(2500);
  });
});
