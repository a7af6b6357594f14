import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../../proxy/http/listen.ts';
import { startTestRelay, stopTestRelays } from './support/test-relay.ts';

afterEach(stopTestRelays);

describe('relay over real HTTP', () => {
  it('answers /healthz with its version and secure headers', async () => {
    const { call } = await startTestRelay();
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers unknown paths with the one JSON error shape', async () => {
    const { call } = await startTestRelay();
    const response = await call('/nope', { headers: { 'x-request-id': 'req-42' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No such endpoint.', requestId: 'req-42' },
    });
  });

  it('logs every request as one structured line', async () => {
    const { call, logLines } = await startTestRelay();
    await call('/healthz');
    const record = JSON.parse(logLines.find((line) => line.includes('"request"')) ?? '{}');
    expect(record).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/healthz',
      status: 200,
    });
  });

  it('warns loudly at start-up when no Facebook app is configured', async () => {
    const sandbox = await startTestRelay();
    const live = await startTestRelay({
      env: { FACEBOOK_APP_ID: '1234', FACEBOOK_APP_SECRET: 'app-secret' },
    });
    const warning = (lines: string[]) =>
      lines.map((line) => JSON.parse(line)).find((record) => record.msg.includes('SANDBOX MODE'));
    expect(warning(sandbox.logLines)).toMatchObject({ level: 'warn' });
    expect(warning(live.logLines)).toBeUndefined();
  });
});

describe('listen', () => {
  it('shuts down even while a Server-Sent Events stream is open', async () => {
    const app = new Hono().get('/events', (c) =>
      streamSSE(c, async (stream) => {
        await stream.writeSSE({ data: 'hello' });
        while (!stream.aborted) await stream.sleep(50);
      }),
    );
    const server = await listen({ fetch: app.fetch });
    const response = await fetch(`${server.url}/events`);
    const reader = response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toContain('data: hello');
    await server.close(100);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
