import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../../../proxy/http/error-handler.ts';
import type { RelayEnv } from '../../../../proxy/http/relay-env.ts';
import { createLogger } from '../../../../proxy/log.ts';
import { createMetricRegistry } from '../../../../proxy/metrics/metric-registry.ts';
import { metricsRoutes } from '../../../../proxy/routes/metrics.ts';

const TOKEN = 'metrics-token-0123456789';

function metricsApp(options: { token?: string; peer?: string }) {
  const registry = createMetricRegistry();
  registry.counter('relay_test_total', 'A test counter.').inc();
  const routes = metricsRoutes({
    registry,
    ...(options.token ? { token: options.token } : {}),
    remoteAddress: () => options.peer,
  });
  return new Hono<RelayEnv>()
    .route('/', routes)
    .onError(handleError(createLogger({ write: () => {} })));
}

const scrape = async (
  options: { token?: string; peer?: string },
  headers: Record<string, string> = {},
) => {
  const response = await metricsApp(options).request('/metrics', { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
};

describe('/metrics access', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])(
    'serves the text format to %s without a token',
    async (peer) => {
      const answer = await scrape({ peer });
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(answer.text).toContain('relay_test_total 1');
    },
  );

  it.each([
    ['another machine', { peer: '10.0.0.8' }, {}],
    ['an unknown peer', {}, {}],
    ['a proxy on this machine', { peer: '127.0.0.1' }, { 'x-forwarded-for': '203.0.113.9' }],
    ['a proxy that says Forwarded', { peer: '127.0.0.1' }, { forwarded: 'for=203.0.113.9' }],
  ])('refuses %s without a token', async (_, options, headers) => {
    const answer = await scrape(options, headers);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).error.code).toBe('metrics_unauthorized');
    expect(answer.text).not.toContain('relay_test_total');
  });

  it('with a token, serves whoever presents it, from anywhere', async () => {
    const answer = await scrape(
      { token: TOKEN, peer: '10.0.0.8' },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer metrics-token-0123456780' }],
    ['a token without Bearer', { authorization: TOKEN }],
  ])('with a token configured, refuses %s even on loopback', async (_, headers) => {
    const answer = await scrape({ token: TOKEN, peer: '127.0.0.1' }, headers);
    expect(answer.status).toBe(401);
  });
});
