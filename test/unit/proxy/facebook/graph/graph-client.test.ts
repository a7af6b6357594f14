import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../../../proxy/facebook/graph/graph-client.ts';
import { GraphError } from '../../../../../proxy/facebook/graph/graph-error.ts';
import { createPacer } from '../../../../../proxy/facebook/pacing/pacer.ts';
import { manualClock, sleepOnClock } from '../../../../support/manual-clock.ts';

const facebook = {
  appId: '1234',
  appSecret: 'app_secret_example',
  graphBaseUrl: 'https://graph.example',
  apiVersion: 'v26.0',
  requestTimeoutMs: 5000,
};

interface Sent {
  url: URL;
  init: RequestInit;
}

/** A client whose fetch answers `answer` and writes down what it was sent. */
function clientAnswering(answer: () => Response | Promise<Response>, extra = {}) {
  const sent: Sent[] = [];
  const clock = manualClock();
  const client = createGraphClient({
    facebook,
    now: clock.now,
    fetch: async (url, init = {}) => {
      sent.push({ url: new URL(String(url)), init });
      return answer();
    },
    ...extra,
  });
  return { client, sent, clock };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The one call a test made. */
function only(sent: Sent[]): Sent {
  expect(sent).toHaveLength(1);
  return sent[0] as Sent;
}

/** The GraphError a call failed with. */
async function failure(call: Promise<unknown>): Promise<GraphError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

const expectedProof = (token: string, time: number) =>
  createHmac('sha256', facebook.appSecret).update(`${token}|${time}`).digest('hex');

describe('Graph client', () => {
  it('signs GET calls in the query with a time-stamped appsecret_proof', async () => {
    const { client, sent, clock } = clientAnswering(() => json({ id: '1' }));
    expect(
      await client.request({ path: '/me', params: { fields: 'id,name' }, token: 'EAAt' }),
    ).toEqual({
      id: '1',
    });
    const call = only(sent);
    const time = Math.floor(clock.now().getTime() / 1000);
    expect(call.url.origin + call.url.pathname).toBe('https://graph.example/v26.0/me');
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      fields: 'id,name',
      access_token: 'EAAt',
      appsecret_proof: expectedProof('EAAt', time),
      appsecret_time: String(time),
    });
    expect(call.init.method).toBe('GET');
    expect(call.init.body).toBeUndefined();
  });

  it('sends POST parameters as form fields, objects as JSON text, the token in the body', async () => {
    const { client, sent } = clientAnswering(() => json({ id: '9' }));
    await client.request({
      method: 'POST',
      path: 'act_1/customaudiences',
      params: { name: 'A', audience_labels: ['CUSTOMERS'] },
      token: 'EAAt',
    });
    const call = only(sent);
    expect(call.url.search).toBe('');
    const form = call.init.body as URLSearchParams;
    expect(form.get('audience_labels')).toBe('["CUSTOMERS"]');
    expect(form.get('name')).toBe('A');
    expect(form.get('access_token')).toBe('EAAt');
    expect(form.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends a JSON body when asked to, objects kept as objects', async () => {
    const { client, sent } = clientAnswering(() => json({ ok: true }));
    await client.request({
      method: 'DELETE',
      path: '55/users',
      params: { payload: { schema: 'EMAIL_SHA256', data: [['h']] } },
      token: 'EAAt',
      encoding: 'json',
    });
    const call = only(sent);
    expect((call.init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(call.init.body))).toMatchObject({
      payload: { schema: 'EMAIL_SHA256', data: [['h']] },
      access_token: 'EAAt',
    });
  });

  it('sends no token and no proof when the call has no token (the code exchange)', async () => {
    const { client, sent } = clientAnswering(() => json({ access_token: 'x' }));
    await client.request({ path: 'oauth/access_token', params: { code: 'c' } });
    expect([...only(sent).url.searchParams.keys()]).toEqual(['code']);
  });

  it('turns a Graph error envelope into a classified GraphError', async () => {
    const { client } = clientAnswering(() =>
      json(
        {
          error: {
            message: 'Error validating access token: the user changed their password',
            type: 'OAuthException',
            code: 190,
            error_subcode: 460,
            fbtrace_id: 'T1',
          },
        },
        400,
      ),
    );
    const error = await failure(client.request({ path: 'me', token: 'EAAt' }));
    expect(error).toMatchObject({
      code: 'facebook_token_password_changed',
      errorClass: 'reauthorize',
      graphCode: 190,
      graphSubcode: 460,
      fbtraceId: 'T1',
      httpStatus: 400,
      tokenRejected: true,
    });
  });

  it('calls an HTML error page transient', async () => {
    const { client } = clientAnswering(
      () => new Response('<html>Sorry, something went wrong.</html>', { status: 500 }),
    );
    const error = await failure(client.request({ path: 'me', token: 'EAAt' }));
    expect(error).toMatchObject({ errorClass: 'transient', httpStatus: 500, graphCode: undefined });
  });

  it('calls a network failure transient', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(client.request({ path: 'me', token: 'EAAt' }));
    expect(error).toMatchObject({ errorClass: 'transient', code: 'facebook_transient' });
    expect(error.message).toContain('fetch failed');
  });

  it('gives up after the configured timeout, as a transient error', async () => {
    const client = createGraphClient({
      facebook: { ...facebook, requestTimeoutMs: 20 },
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    const error = await failure(client.request({ path: 'me', token: 'EAAt' }));
    expect(error).toMatchObject({ errorClass: 'transient' });
    expect(error.message).toContain('did not answer within 20 ms');
  });

  it('waits for the pacer, and feeds it the answer of calls about an ad account', async () => {
    const { clock, sleeps, sleep } = sleepOnClock();
    const pacer = createPacer({ now: clock.now, sleep });
    const throttled = {
      error: { message: '(#80003) too many calls', code: 80003, error_subcode: 2446079 },
    };
    const usage = JSON.stringify({
      '77': [{ type: 'custom_audience', call_count: 100, estimated_time_to_regain_access: 3 }],
    });
    const { client } = clientAnswering(
      () => json(throttled, 400, { 'x-business-use-case-usage': usage }),
      { pacer, now: clock.now },
    );
    const error = await failure(
      client.request({ path: 'act_77/customaudiences', token: 'EAAt', adAccountId: '77' }),
    );
    expect(error).toMatchObject({ errorClass: 'throttled', details: { adAccountId: '77' } });
    await client.request({ path: 'act_77', token: 'EAAt', adAccountId: 'act_77' }).catch(() => {});
    expect(sleeps).toEqual([3 * 60_000]);
  });

  it('exposes the app token for debug_token', () => {
    expect(clientAnswering(() => json({})).client.appToken).toBe('1234|app_secret_example');
  });
});
