import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { httpMetrics } from '../../../../proxy/metrics/http-metrics.ts';
import type { Labels } from '../../../../proxy/metrics/metric-registry.ts';

function timedApp() {
  const observed: { seconds: number; labels: Labels | undefined }[] = [];
  let tick = 0;
  const sub = new Hono()
    .get('/syncs/:id', (c) => c.json({ id: c.req.param('id') }))
    .post('/syncs', () => {
      throw new Error('boom');
    });
  const app = new Hono()
    .use(
      httpMetrics({ observe: (seconds, labels) => observed.push({ seconds, labels }) }, () => {
        tick += 250;
        return tick;
      }),
    )
    .route('/v1', sub)
    .onError((_, c) => c.json({ error: 'internal' }, 500));
  return { app, observed };
}

describe('HTTP metrics', () => {
  it('labels a request with its route pattern, never the ids in its path', async () => {
    const { app, observed } = timedApp();
    await app.request('/v1/syncs/sync_secret_id_1');
    expect(observed).toEqual([
      { seconds: 0.25, labels: { route: '/v1/syncs/:id', method: 'GET', status: '2xx' } },
    ]);
  });

  it('times failed requests with their status class', async () => {
    const { app, observed } = timedApp();
    await app.request('/v1/syncs', { method: 'POST' });
    expect(observed[0]?.labels).toEqual({ route: '/v1/syncs', method: 'POST', status: '5xx' });
  });

  it('labels a request middleware answered with the route it was meant for', async () => {
    const observed: (Labels | undefined)[] = [];
    const app = new Hono()
      .use(httpMetrics({ observe: (_, labels) => observed.push(labels) }))
      .use('/v1/*', async (c) => c.json({ error: 'unauthenticated' }, 401))
      .get('/v1/syncs/:id', (c) => c.json({}));
    await app.request('/v1/syncs/s1');
    expect(observed).toEqual([{ route: '/v1/syncs/:id', method: 'GET', status: '4xx' }]);
  });

  it('gives unmatched paths one label, whatever the path', async () => {
    const { app, observed } = timedApp();
    await app.request('/wp-admin/install.php');
    await app.request('/anything/else');
    expect(new Set(observed.map(({ labels }) => JSON.stringify(labels))).size).toBe(1);
    expect(observed[0]?.labels).toEqual({ route: 'unmatched', method: 'GET', status: '4xx' });
  });
});
