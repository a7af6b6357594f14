import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createRelayClient,
  type RelayClientOptions,
} from '../../../../extension/relay/relay-client.ts';
import { memorySessionStore } from '../../../../extension/relay/session-store.ts';
import { manualClock } from '../../../support/manual-clock.ts';
import {
  API_KEY,
  fakeRelay,
  KEY_ID,
  NOW,
  RELAY_URL,
  relayError,
  SESSION_MS,
} from './fake-relay.ts';

function setUp(options: Partial<RelayClientOptions> = {}) {
  const clock = manualClock(NOW);
  const relay = fakeRelay({ now: clock.now });
  const sessions = memorySessionStore();
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    sessions,
    fetch: relay.fetch,
    now: clock.now,
    ...options,
  });
  return { clock, relay, sessions, client };
}

const WORKSPACE = {
  workspace: { id: 'ws_1', name: 'Acme Marketing' },
  role: 'admin',
  keyId: KEY_ID,
};

describe('createRelayClient', () => {
  it('exchanges the key for a session, then calls with the session token', async () => {
    const { relay, sessions, client } = setUp();
    expect(await client.workspace()).toEqual({ ok: true, value: WORKSPACE });
    expect(relay.routes()).toEqual(['POST /v1/session', 'GET /v1/workspace']);
    const [start, call] = relay.requests;
    expect(start?.body).toEqual({ apiKey: API_KEY });
    expect(start?.headers['content-type']).toBe('application/json');
    expect(start?.headers.authorization).toBeUndefined();
    expect(call?.headers.authorization).toBe('Bearer token-1');
    expect(call?.body).toBeUndefined();
    expect(sessions.current).toEqual({
      relayUrl: RELAY_URL,
      keyId: KEY_ID,
      token: 'token-1',
      expiresAt: new Date(NOW.getTime() + SESSION_MS).toISOString(),
    });
  });

  it('reuses the session while it has more than the margin left', async () => {
    const { relay, clock, client } = setUp({ refreshBeforeMs: 60_000 });
    await client.workspace();
    clock.advance(SESSION_MS - 61_000);
    await client.workspace();
    expect(relay.routes()).toEqual(['POST /v1/session', 'GET /v1/workspace', 'GET /v1/workspace']);
  });

  it('starts a new session shortly before the old one expires', async () => {
    const { relay, clock, client } = setUp({ refreshBeforeMs: 60_000 });
    await client.workspace();
    clock.advance(SESSION_MS - 59_000);
    await client.workspace();
    expect(relay.routes()).toEqual([
      'POST /v1/session',
      'GET /v1/workspace',
      'POST /v1/session',
      'GET /v1/workspace',
    ]);
    expect(relay.requests[3]?.headers.authorization).toBe('Bearer token-2');
  });

  it('never sends a cached token to another relay or for another key', async () => {
    const { relay, sessions, client } = setUp();
    const expiresAt = new Date(NOW.getTime() + SESSION_MS).toISOString();
    await sessions.set({
      relayUrl: 'https://other.example.com',
      keyId: KEY_ID,
      token: 'x',
      expiresAt,
    });
    await client.workspace();
    await sessions.set({ relayUrl: RELAY_URL, keyId: 'ffffffffffffffff', token: 'y', expiresAt });
    await client.workspace();
    expect(relay.routes().filter((route) => route === 'POST /v1/session')).toHaveLength(2);
    expect(relay.requests.map((request) => request.headers.authorization)).not.toContain(
      'Bearer x',
    );
    expect(relay.requests.map((request) => request.headers.authorization)).not.toContain(
      'Bearer y',
    );
  });

  it('starts one session for calls made at the same time', async () => {
    const { relay, client } = setUp();
    await Promise.all([client.workspace(), client.workspace(), client.workspace()]);
    expect(relay.routes().filter((route) => route === 'POST /v1/session')).toHaveLength(1);
  });

  it('signs in again once when a call is refused with 401, and retries it', async () => {
    const { relay, client } = setUp();
    await client.workspace();
    relay.answer('GET /v1/workspace', relayError(401, 'session_expired'));
    expect(await client.workspace()).toEqual({ ok: true, value: WORKSPACE });
    expect(relay.routes().slice(2)).toEqual([
      'GET /v1/workspace',
      'POST /v1/session',
      'GET /v1/workspace',
    ]);
    expect(relay.requests[4]?.headers.authorization).toBe('Bearer token-2');
  });

  it('retries only once: a second 401 is the answer', async () => {
    const { relay, client } = setUp();
    relay.answer(
      'GET /v1/workspace',
      relayError(401, 'unauthenticated'),
      relayError(401, 'unauthenticated'),
    );
    expect(await client.workspace()).toMatchObject({
      ok: false,
      failure: { kind: 'unauthenticated', code: 'unauthenticated', status: 401 },
    });
    expect(relay.routes()).toEqual([
      'POST /v1/session',
      'GET /v1/workspace',
      'POST /v1/session',
      'GET /v1/workspace',
    ]);
  });

  it('hands out its session token for pages that call the relay themselves, renewed on demand', async () => {
    const { relay, client } = setUp();
    expect(await client.session()).toEqual({ ok: true, value: 'token-1' });
    expect(await client.session()).toEqual({ ok: true, value: 'token-1' });
    expect(await client.session(true)).toEqual({ ok: true, value: 'token-2' });
    expect(relay.routes()).toEqual(['POST /v1/session', 'POST /v1/session']);
    relay.answer('POST /v1/session', relayError(401, 'api_key_revoked'));
    expect(await client.session(true)).toMatchObject({
      ok: false,
      failure: { kind: 'unauthenticated', code: 'api_key_revoked' },
    });
  });

  it('reports a revoked key with the relay’s code and forgets the session', async () => {
    const { relay, sessions, client } = setUp();
    await client.workspace();
    // Revoking the key ends its sessions at once: the call and the new sign-in both fail.
    relay.answer('GET /v1/workspace', relayError(401, 'api_key_revoked'));
    relay.answer('POST /v1/session', relayError(401, 'api_key_revoked'));
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: {
        kind: 'unauthenticated',
        status: 401,
        code: 'api_key_revoked',
        message: 'api_key_revoked (test)',
        requestId: 'req-api_key_revoked',
      },
    });
    expect(sessions.current).toBeNull();
  });

  it('reports a key the relay does not know before calling anything else', async () => {
    const { relay, client } = setUp();
    relay.answer('POST /v1/session', relayError(401, 'invalid_api_key'));
    expect(await client.workspace()).toMatchObject({
      ok: false,
      failure: { kind: 'unauthenticated', code: 'invalid_api_key' },
    });
    expect(relay.routes()).toEqual(['POST /v1/session']);
  });

  it.each([
    [403, 'forbidden', 'forbidden'],
    [400, 'validation_failed', 'validation'],
    [413, 'payload_too_large', 'validation'],
    [404, 'not_found', 'rejected'],
    [409, 'facebook_not_connected', 'rejected'],
    [500, 'internal', 'server'],
    [503, 'facebook_throttled', 'server'],
  ])('maps %i %s to a %s failure', async (status, code, kind) => {
    const { relay, client } = setUp();
    relay.answer('GET /v1/workspace', relayError(status, code));
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind, status, code, message: `${code} (test)`, requestId: `req-${code}` },
    });
    expect(relay.routes()).toEqual(['POST /v1/session', 'GET /v1/workspace']);
  });

  it('keeps the fields of a validation error', async () => {
    const { relay, client } = setUp();
    const fields = [{ path: 'name', message: 'Required' }];
    relay.answer('POST /v1/things', relayError(400, 'validation_failed', { fields }));
    const result = await client.request('POST', '/v1/things', z.object({}), { name: '' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'validation', fields } });
  });

  it('sends a JSON body and checks the answer against the schema', async () => {
    const { relay, client } = setUp();
    relay.answer('POST /v1/things', Response.json({ id: 't1', extra: true }, { status: 201 }));
    const result = await client.request('POST', '/v1/things', z.object({ id: z.string() }), {
      name: 'x',
    });
    expect(result).toEqual({ ok: true, value: { id: 't1' } });
    const sent = relay.requests.at(-1);
    expect(sent).toMatchObject({ method: 'POST', body: { name: 'x' } });
    expect(sent?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
    });
  });

  it('reaches a relay served under a path', async () => {
    const relay = fakeRelay();
    const client = createRelayClient({
      settings: { url: `${RELAY_URL}/tools/relay`, apiKey: API_KEY },
      fetch: relay.fetch,
      now: () => NOW,
    });
    expect(await client.workspace()).toMatchObject({ ok: true });
    expect(relay.requests.map((request) => request.url)).toEqual([
      `${RELAY_URL}/tools/relay/v1/session`,
      `${RELAY_URL}/tools/relay/v1/workspace`,
    ]);
  });

  it('reports a network error as unreachable', async () => {
    const { relay, client } = setUp();
    relay.answer('POST /v1/session', new TypeError('Failed to fetch'));
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'network' },
    });
  });

  it('gives up on a relay that does not answer in time', async () => {
    const { relay, client } = setUp({ timeoutMs: 1 });
    relay.answer(
      'POST /v1/session',
      (_, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
    );
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'timeout' },
    });
  });

  it.each([
    ['malformed JSON', new Response('{"token": ', { status: 200 })],
    ['a web page', new Response('<!doctype html><h1>Welcome</h1>', { status: 200 })],
    ['JSON of another shape', Response.json({ hello: 'world' })],
  ])('reports %s where a session was expected as not the relay', async (_, answer) => {
    const { relay, client } = setUp();
    relay.answer('POST /v1/session', answer);
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind: 'unexpected-response', status: 200 },
    });
  });

  it.each([
    ['a web server’s 404 page', new Response('<h1>Not Found</h1>', { status: 404 })],
    ['a proxy’s 502 page', new Response('Bad Gateway', { status: 502 })],
    ['an error of another shape', Response.json({ message: 'nope' }, { status: 500 })],
  ])('reports %s as not the relay', async (_, answer) => {
    const { relay, client } = setUp();
    relay.answer('POST /v1/session', answer);
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind: 'unexpected-response', status: answer.status },
    });
  });

  it('reports a body that breaks off as unreachable', async () => {
    const { relay, client } = setUp();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"tok'));
        controller.error(new TypeError('network error'));
      },
    });
    relay.answer('POST /v1/session', new Response(body, { status: 200 }));
    expect(await client.workspace()).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'network' },
    });
  });
});
