import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Histogram } from './metric-registry.ts';

/**
 * Times every request, labelled by the route pattern that answered (`/v1/syncs/:id`, never
 * the path itself, so ids never become labels), the method and the status class.
 */
export function httpMetrics(
  duration: Histogram,
  clock: () => number = () => performance.now(),
): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    duration.observe((clock() - start) / 1000, {
      route: routePath(c) || 'unmatched',
      method: c.req.method,
      status: `${Math.floor(c.res.status / 100)}xx`,
    });
  };
}
