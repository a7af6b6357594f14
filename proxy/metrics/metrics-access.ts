import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../http/api-error.ts';

export interface MetricsAccessOptions {
  /** `RELAY_METRICS_TOKEN`: when set, scrapers send it as a Bearer token, from anywhere. */
  token?: string;
  /** The peer's address; from the Node socket by default. */
  remoteAddress?: (c: Context) => string | undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const socketAddress = (c: Context): string | undefined =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Who may read `/metrics`. With a token: whoever presents it. Without: only a client on the
 * relay's own machine talking to it directly; a request that came through a proxy (it says
 * so in `Forwarded` / `X-Forwarded-For`) is refused, because a proxy on the same machine
 * would otherwise open the metrics to everyone it serves.
 */
export function metricsAccess({
  token,
  remoteAddress = socketAddress,
}: MetricsAccessOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const allowed = token
      ? sameText(c.req.header('authorization') ?? '', `Bearer ${token}`)
      : LOOPBACK.test(remoteAddress(c) ?? '') &&
        !c.req.header('forwarded') &&
        !c.req.header('x-forwarded-for');
    if (!allowed) throw new ApiError('metrics_unauthorized');
    await next();
  };
}
