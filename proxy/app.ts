import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from './log.ts';
import { healthRoutes } from './routes/health.ts';

export interface RelayDeps {
  logger: Logger;
  now?: () => Date;
  version?: string;
}

export type RelayEnv = { Variables: RequestIdVariables };

/** The relay's composition root: middleware, then one router per concern. */
export function createRelayApp({ logger, now = () => new Date(), version = '0.0.0' }: RelayDeps) {
  const startedAt = now();
  return new Hono<RelayEnv>()
    .use(requestId())
    .use(secureHeaders())
    .use(async (c, next) => {
      const began = performance.now();
      await next();
      logger.info('request', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - began),
      });
    })
    .route('/', healthRoutes({ startedAt, now, version }))
    .notFound((c) =>
      c.json(
        {
          error: { code: 'not_found', message: 'No such endpoint.', requestId: c.get('requestId') },
        },
        404,
      ),
    )
    .onError((error, c) => {
      const status = error instanceof HTTPException ? error.status : 500;
      if (status >= 500) logger.error('unhandled error', { requestId: c.get('requestId'), error });
      const message = status >= 500 ? 'The relay hit an unexpected error.' : error.message;
      return c.json(
        {
          error: {
            code: status >= 500 ? 'internal' : 'bad_request',
            message,
            requestId: c.get('requestId'),
          },
        },
        status,
      );
    });
}

export type RelayApp = ReturnType<typeof createRelayApp>;
