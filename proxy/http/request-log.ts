import type { MiddlewareHandler } from 'hono';
import type { SessionClaims } from '../auth/session-token.ts';
import type { Logger } from '../log.ts';
import type { RelayEnv } from './relay-env.ts';

/** One structured line per request, with the workspace and key it acted for when known. */
export function requestLog(logger: Logger): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const began = performance.now();
    await next();
    const session = c.get('session') as SessionClaims | undefined;
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - began),
      ...(session ? { workspaceId: session.workspaceId, keyId: session.keyId } : {}),
    });
  };
}
