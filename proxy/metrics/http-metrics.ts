import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Histogram } from './metric-registry.ts';

/**
 * Times every request, labelled by its route's pattern (`/v1/syncs/:id`, never the path
 * itself, so ids never become labels; `unmatched` when no route has the path), the method and
 * the status class. The route is the handler's even when middleware answered (a 401).
 */
export function httpMetrics(
  duration: Histogram,
  clock: () => number = () => performance.now(),
): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    duration.observe((clock() - start) / 1000, {
      route: matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path ?? 'unmatched',
      method: c.req.method,
      status: `${Math.floor(c.res.status / 100)}xx`,
    });
  };
}
