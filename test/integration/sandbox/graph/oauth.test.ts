import { describe, expect, it } from 'vitest';
import {
  DEMO_APP_ID,
  DEMO_APP_NAME,
  DEMO_APP_SECRET,
  DEMO_REDIRECT_URI,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();

type Started = Awaited<ReturnType<typeof startGraph>>;

function dialogUrl(url: string, params: Record<string, string>) {
  return `${url}/v26.0/dialog/oauth?${new URLSearchParams(params)}`;
}

const validDialog = {
  client_id: DEMO_APP_ID,
  redirect_uri: DEMO_REDIRECT_URI,
  state: 'csrf-123',
  response_type: 'code',
  scope: 'ads_management,business_management',
};

async function decide(started: Started, decision: 'continue' | 'cancel', extra = {}) {
  return fetch(`${started.url}/v26.0/dialog/oauth`, {
    method: 'POST',
    body: new URLSearchParams({ ...validDialog, ...extra, decision }),
    redirect: 'manual',
  });
}

async function codeFor(started: Started) {
  const response = await decide(started, 'continue');
  return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

function exchange(started: Started, params: Record<string, string>) {
  return started.graph('oauth/access_token', {
    token: null,
    params: {
      client_id: DEMO_APP_ID,
      client_secret: DEMO_APP_SECRET,
      redirect_uri: DEMO_REDIRECT_URI,
      ...params,
    },
  });
}

describe('OAuth dialog', () => {
  it('shows the app, the logged-in user, the scopes and Continue / Cancel as a form POST', async () => {
    const { url } = await startGraph();
    const response = await fetch(dialogUrl(url, validDialog));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain(DEMO_APP_NAME);
    expect(page).toContain('Dana Demo');
    expect(page).toMatch(/<li>ads_management<\/li>[\s\S]*<li>business_management<\/li>/);
    expect(page).toMatch(/<form method="post" action="\/v26.0\/dialog\/oauth">/);
    expect(page).toContain('value="continue">Continue</button>');
    expect(page).toContain('value="cancel">Cancel</button>');
    expect(page).toContain('name="state" value="csrf-123"');
  });

  it('escapes names it shows', async () => {
    const started = await startGraph();
    const app = await started.control.createApp({
      name: '<script>alert(1)</script>',
      redirectUris: ['https://example.test/cb'],
    });
    const page = await (
      await fetch(
        dialogUrl(started.url, { client_id: app.id, redirect_uri: 'https://example.test/cb' }),
      )
    ).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses an unknown client_id with an error page and no redirect', async () => {
    const { url } = await startGraph();
    const response = await fetch(dialogUrl(url, { ...validDialog, client_id: '999' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Invalid App ID');
  });

  it.each([
    ['a path suffix', `${DEMO_REDIRECT_URI}callback`],
    ['another host', 'https://evil.example/'],
    ['an extra query', `${DEMO_REDIRECT_URI}?x=1`],
    ['no trailing slash', DEMO_REDIRECT_URI.slice(0, -1)],
  ])('refuses a redirect_uri with %s: registration is exact-match', async (_, redirect) => {
    const started = await startGraph();
    for (const response of [
      await fetch(dialogUrl(started.url, { ...validDialog, redirect_uri: redirect }), {
        redirect: 'manual',
      }),
      await decide(started, 'continue', { redirect_uri: redirect }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('URL Blocked');
    }
  });

  it('accepts a redirect URI with a path when exactly that one is registered', async () => {
    const started = await startGraph();
    const withPath = `${DEMO_REDIRECT_URI}facebook`;
    const app = await started.control.createApp({ name: 'Pathy', redirectUris: [withPath] });
    const response = await fetch(
      dialogUrl(started.url, { client_id: app.id, redirect_uri: withPath }),
    );
    expect(response.status).toBe(200);
  });

  it('refuses unknown scopes and response types other than code', async () => {
    const { url } = await startGraph();
    const badScope = await fetch(dialogUrl(url, { ...validDialog, scope: 'ads_management,pii' }));
    expect(badScope.status).toBe(400);
    expect(await badScope.text()).toContain('Invalid Scopes: pii');
    const token = await fetch(dialogUrl(url, { ...validDialog, response_type: 'token' }));
    expect(token.status).toBe(400);
  });

  it('Continue redirects with a code and the state', async () => {
    const started = await startGraph();
    const response = await decide(started, 'continue');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(DEMO_REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(location.searchParams.get('state')).toBe('csrf-123');
    expect(location.hash).toBe('#_=_');
  });

  it('Cancel redirects with access_denied and the state', async () => {
    const started = await startGraph();
    const response = await decide(started, 'cancel');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
      state: 'csrf-123',
    });
    expect(response.headers.get('location')).toContain(
      'error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=csrf-123',
    );
  });

  it('logs in whoever the control API says, and nobody when cleared', async () => {
    const started = await startGraph();
    const user = await started.control.createUser({ name: 'Sam Second' });
    await started.control.setDialogUser(user.id);
    expect(await (await fetch(dialogUrl(started.url, validDialog))).text()).toContain('Sam Second');
    const code = await codeFor(started);
    const { body } = await exchange(started, { code });
    const me = await started.graph('me', { token: body.access_token });
    expect(me.body).toEqual({ id: user.id, name: 'Sam Second' });

    await started.control.setDialogUser(null);
    const page = await (await fetch(dialogUrl(started.url, validDialog))).text();
    expect(page).toContain('Nobody is logged in');
    expect(page).not.toContain('value="continue"');
    const refused = await decide(started, 'continue');
    expect(new URL(refused.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'access_denied',
    );
  });
});

describe('code exchange', () => {
  it('trades a code for a short-lived EAA token carrying the granted scopes', async () => {
    const started = await startGraph();
    const { status, body } = await exchange(started, { code: await codeFor(started) });
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^EAA[A-Za-z0-9]+$/),
      token_type: 'bearer',
      expires_in: 7200,
    });
    const debug = await started.graph('debug_token', {
      token: `${DEMO_APP_ID}|${DEMO_APP_SECRET}`,
      proof: 'none',
      params: { input_token: body.access_token },
    });
    expect(debug.body.data).toMatchObject({
      user_id: DEMO_USER_ID,
      is_valid: true,
      scopes: ['ads_management', 'business_management', 'public_profile'],
    });
  });

  it('refuses a code used twice', async () => {
    const started = await startGraph();
    const code = await codeFor(started);
    expect((await exchange(started, { code })).status).toBe(200);
    const again = await exchange(started, { code });
    expect(graphError(again)).toMatchObject({
      code: 100,
      error_subcode: 36009,
      message: 'This authorization code has been used.',
      type: 'OAuthException',
    });
  });

  it('refuses a code older than ten minutes', async () => {
    const started = await startGraph();
    const code = await codeFor(started);
    await started.control.advanceClock(10 * 60 + 1);
    expect(graphError(await exchange(started, { code }))).toMatchObject({
      code: 100,
      error_subcode: 36007,
      message: 'This authorization code has expired.',
    });
  });

  it('accepts a code just inside its ten minutes', async () => {
    const started = await startGraph();
    const code = await codeFor(started);
    await started.control.advanceClock(9 * 60);
    expect((await exchange(started, { code })).status).toBe(200);
  });

  it('needs the same redirect_uri as the dialog', async () => {
    const started = await startGraph();
    const other = `${DEMO_REDIRECT_URI}other`;
    const answer = await exchange(started, { code: await codeFor(started), redirect_uri: other });
    expect(graphError(answer)).toMatchObject({ code: 100, error_subcode: 36008 });
  });

  it('checks client_id and client_secret', async () => {
    const started = await startGraph();
    const code = await codeFor(started);
    expect(graphError(await exchange(started, { code, client_id: '' }))).toMatchObject({
      code: 101,
      message: 'Missing client_id parameter.',
    });
    expect(graphError(await exchange(started, { code, client_id: '42' })).code).toBe(101);
    expect(graphError(await exchange(started, { code, client_secret: 'nope' }))).toMatchObject({
      code: 1,
      message: 'Error validating client secret.',
    });
    expect(graphError(await exchange(started, { code: 'AQnotacode' }))).toMatchObject({
      code: 100,
    });
    // None of the failures above used the code up.
    expect((await exchange(started, { code })).status).toBe(200);
  });
});

describe('long-lived exchange', () => {
  it('trades a valid user token for a ~60-day token', async () => {
    const started = await startGraph();
    const short = (await exchange(started, { code: await codeFor(started) })).body.access_token;
    const { status, body } = await exchange(started, {
      grant_type: 'fb_exchange_token',
      fb_exchange_token: short,
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^EAA/),
      token_type: 'bearer',
      expires_in: 5183944,
    });
    expect(body.access_token).not.toBe(short);
    // The long-lived token outlives the short one.
    await started.control.advanceClock(3 * 3600);
    expect((await started.graph('me', { token: short })).status).toBe(400);
    expect((await started.graph('me', { token: body.access_token })).status).toBe(200);
  });

  it('refuses expired, invalidated and unknown tokens', async () => {
    const started = await startGraph();
    const short = (await exchange(started, { code: await codeFor(started) })).body.access_token;
    await started.control.advanceClock(7201);
    const expired = await exchange(started, {
      grant_type: 'fb_exchange_token',
      fb_exchange_token: short,
    });
    expect(graphError(expired)).toMatchObject({ code: 190, error_subcode: 463 });

    const revoked = await started.control.issueToken({ personId: DEMO_USER_ID, lifetime: 'short' });
    await started.control.invalidateToken(revoked.token, 'password_changed');
    const changed = await exchange(started, {
      grant_type: 'fb_exchange_token',
      fb_exchange_token: revoked.token,
    });
    expect(graphError(changed)).toMatchObject({ code: 190, error_subcode: 460 });

    const unknown = await exchange(started, {
      grant_type: 'fb_exchange_token',
      fb_exchange_token: 'EAAnothing',
    });
    expect(graphError(unknown).code).toBe(190);
  });
});
