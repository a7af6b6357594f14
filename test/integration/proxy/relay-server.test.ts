import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelayApp } from '../../../proxy/app.ts';
import { type HttpServer, listen } from '../../../proxy/http/listen.ts';
import { createLogger } from '../../../proxy/log.ts';

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close(100)));
});

async function startRelay(lines: string[] = []) {
  const app = createRelayApp({
    logger: createLogger({ write: (line) => lines.push(line) }),
    version: '1.2.3',
  });
  const server = await listen({ fetch: app.fetch, port: 0 });
  servers.push(server);
  return server;
}

describe('relay over real HTTP', () => {
  it('answers /healthz with its version and secure headers', async () => {
    const relay = await startRelay();
    const response = await fetch(`${relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: '1.2.3' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers unknown paths with the one JSON error shape', async () => {
    const relay = await startRelay();
    const response = await fetch(`${relay.url}/nope`, { headers: { 'x-request-id': 'req-42' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No such endpoint.', requestId: 'req-42' },
    });
  });

  it('logs every request as one structured line', async () => {
    const lines: string[] = [];
    const relay = await startRelay(lines);
    await fetch(`${relay.url}/healthz`);
    const record = JSON.parse(lines.find((line) => line.includes('"request"')) ?? '{}');
    expect(record).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/healthz',
      status: 200,
    });
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
