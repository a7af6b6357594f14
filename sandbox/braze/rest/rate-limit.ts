import type { MiddlewareHandler } from 'hono';
import { brazeError } from './errors.ts';

/**
 * Braze's limits per workspace (reference §1.3): the segment endpoints share one hourly pool;
 * `/users/export/ids` has its own per-minute pool. Windows reset at the top of the clock hour
 * (or minute), not on a rolling basis.
 */
export interface RateLimits {
  /** Requests per clock hour shared by `/segments/*` and `/users/export/segment`. */
  default: number;
  /** Requests per clock minute for `/users/export/ids`. */
  usersExportIds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { default: 250_000, usersExportIds: 250 };

export type RatePool = keyof RateLimits;

const WINDOW_MS: Record<RatePool, number> = { default: 3_600_000, usersExportIds: 60_000 };

export interface RateLimiter {
  /** Counts one request and says what the headers must show. */
  take(pool: RatePool): {
    limit: number;
    remaining: number;
    resetSeconds: number;
    allowed: boolean;
  };
  reset(): void;
}

export function createRateLimiter(limits: RateLimits, now: () => Date): RateLimiter {
  const used = new Map<RatePool, { window: number; count: number }>();
  return {
    take(pool) {
      const windowMs = WINDOW_MS[pool];
      const window = Math.floor(now().getTime() / windowMs);
      const current = used.get(pool);
      const count = current?.window === window ? current.count + 1 : 1;
      used.set(pool, { window, count });
      const limit = limits[pool];
      return {
        limit,
        remaining: Math.max(0, limit - count),
        resetSeconds: ((window + 1) * windowMs) / 1000,
        allowed: count <= limit,
      };
    },
    reset: () => used.clear(),
  };
}

/** Adds `X-RateLimit-*` to the response, or answers 429 with the same headers. */
export function rateLimit(
  limiter: RateLimiter,
  poolOf: (path: string) => RatePool,
): MiddlewareHandler {
  return async (c, next) => {
    const { limit, remaining, resetSeconds, allowed } = limiter.take(poolOf(c.req.path));
    const headers = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(resetSeconds),
    };
    if (!allowed) {
      const response = brazeError(c, 429, 'Rate Limited: over the rate limit for this endpoint');
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
