import { afterEach, describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID } from '../../../shared/dev-extension-key.ts';
import { startTestRelay, stopTestRelays } from './support/test-relay.ts';

afterEach(stopTestRelays);

const DEV_ORIGIN = `chrome-extension://${DEV_EXTENSION_ID}`;
const FIREFOX_ORIGIN = 'moz-extension://0123abcd-0123-4567-89ab-0123456789ab';

describe('CORS', () => {
  it('allows the dev extension by default and no one else', async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const allowed = await call('/v1/workspace', {
      token: adminToken,
      headers: { origin: DEV_ORIGIN },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    for (const origin of ['https://evil.example', `chrome-extension://${'a'.repeat(32)}`]) {
      const denied = await call('/v1/workspace', { token: adminToken, headers: { origin } });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers preflights for configured origins only', async () => {
    const { call } = await startTestRelay({ env: { RELAY_ALLOWED_ORIGINS: FIREFOX_ORIGIN } });
    const preflight = (origin: string) =>
      call('/v1/session', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight(FIREFOX_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(FIREFOX_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const denied = await preflight(DEV_ORIGIN);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request bodies', () => {
  it('refuses JSON over the configured limit with 413, declared or streamed', async () => {
    const { url, call } = await startTestRelay({ env: { RELAY_JSON_BODY_LIMIT: '1kb' } });
    const big = { apiKey: 'x'.repeat(2000) };
    const declared = await call('/v1/session', { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: expect.stringContaining('1024'),
        requestId: expect.any(String),
        limitBytes: 1024,
      },
    });
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await fetch(`${url}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 256)
            controller.enqueue(bytes.slice(at, at + 256));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe('payload_too_large');
  });

  it('tells apart a wrong format, broken JSON and invalid fields', async () => {
    const { url, call, workspaceWithUsers } = await startTestRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const asText = await call('/v1/keys', {
      method: 'POST',
      token: adminToken,
      headers: { 'content-type': 'text/plain' },
      body: { role: 'admin' },
    });
    expect(asText.status).toBe(415);
    expect((await asText.json()).error.code).toBe('unsupported_media_type');
    const broken = await fetch(`${url}/v1/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: '{"role": ',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('malformed_json');
    const invalid = await call('/v1/keys', {
      method: 'POST',
      token: adminToken,
      body: { role: 'owner', expiresInDays: 0 },
      headers: { 'x-request-id': 'req-7' },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: expect.stringMatching(/role.*expiresInDays/),
        requestId: 'req-7',
        fields: [
          { path: 'role', message: expect.any(String) },
          { path: 'expiresInDays', message: expect.any(String) },
        ],
      },
    });
  });
});

describe('responses', () => {
  it('are never cached and carry secure headers', async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    for (const response of [
      await call('/v1/workspace', { token: adminToken }),
      await call('/v1/workspace'),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('answer unexpected failures with a 500 in the one shape, details only in the log', async () => {
    const { call, relay, logLines, workspaceWithUsers } = await startTestRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    await relay.services.store.close();
    const response = await call('/v1/workspace', {
      token: adminToken,
      headers: { 'x-request-id': 'req-500' },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: {
        code: 'internal',
        message: 'The relay hit an unexpected error.',
        requestId: 'req-500',
      },
    });
    const logged = logLines.map((line) => JSON.parse(line)).find((line) => line.level === 'error');
    expect(logged).toMatchObject({ msg: 'unhandled error', requestId: 'req-500' });
  });
});

describe('logs', () => {
  it('never contain workspace keys or session tokens, even from failed requests', async () => {
    const { call, logLines, workspaceWithUsers } = await startTestRelay();
    const { adminKey, adminToken } = await workspaceWithUsers('Acme');
    await call('/v1/session', { method: 'POST', body: { apiKey: adminKey.apiKey } });
    await call('/v1/session', { method: 'POST', body: { apiKey: `${adminKey.apiKey}x` } });
    await call('/v1/keys', { method: 'POST', token: adminToken, body: { role: 'marketer' } });
    await call('/v1/workspace', { token: `${adminToken}x` });
    const all = logLines.join('\n');
    expect(all).toContain('"path":"/v1/keys"');
    expect(all).not.toContain(adminKey.apiKey.slice(8));
    expect(all).not.toContain(adminToken.split('.')[2]);
    expect(all).not.toMatch(/ar_live_[0-9a-f]{16}_\w/);
  });

  it('name the workspace and key each request acted for', async () => {
    const { call, logLines, workspaceWithUsers } = await startTestRelay();
    const { workspace, adminKey, adminToken } = await workspaceWithUsers('Acme');
    await call('/v1/workspace', { token: adminToken });
    const record = logLines
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === 'request' && line.path === '/v1/workspace');
    expect(record).toMatchObject({ workspaceId: workspace.id, keyId: adminKey.record.id });
  });
});
