import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/api-error.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { Authenticator } from './authenticator.ts';

/**
 * Guards every `/v1` route by default: only operations documented as `public` go through
 * without `Authorization: Bearer <session token>`, so a new route is never open by accident.
 */
export function requireSession(
  authenticator: Authenticator,
  operations: readonly ApiOperation[],
): MiddlewareHandler<RelayEnv> {
  const open = operations
    .filter((operation) => operation.access === 'public')
    .map((operation) => ({
      method: operation.method.toUpperCase(),
      // `{name}` matches one path segment, as in the route (`/v1/ingest/{syncId}`).
      path: new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`),
    }));
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (open.some((route) => route.method === method && route.path.test(c.req.path))) {
      return next();
    }
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) {
      throw new ApiError(
        'unauthenticated',
        'Send Authorization: Bearer <session token>; POST /v1/session gives one for a workspace key.',
      );
    }
    c.set('session', await authenticator.authenticate(token));
    await next();
  };
}

/** For routes that change the workspace's setup. */
export const requireAdmin: MiddlewareHandler<RelayEnv> = async (c, next) => {
  if (c.get('session').role !== 'admin') {
    throw new ApiError('forbidden', 'Only workspace admins may do this.');
  }
  await next();
};
