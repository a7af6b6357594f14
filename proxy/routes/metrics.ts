import { Hono } from 'hono';
import type { MetricRegistry } from '../metrics/metric-registry.ts';
import { type MetricsAccessOptions, metricsAccess } from '../metrics/metrics-access.ts';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus-text.ts';

export interface MetricsRouteDeps extends MetricsAccessOptions {
  registry: MetricRegistry;
}

/** `GET /metrics`: the relay's operational counters for Prometheus (operators, not the API). */
export function metricsRoutes({ registry, ...access }: MetricsRouteDeps) {
  return new Hono().get('/metrics', metricsAccess(access), async (c) =>
    c.body(await registry.render(), 200, {
      'content-type': PROMETHEUS_CONTENT_TYPE,
      'cache-control': 'no-store',
    }),
  );
}
