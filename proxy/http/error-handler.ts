import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../shared/error-catalog.ts';
import type { Logger } from '../log.ts';
import { ApiError, errorBody } from './api-error.ts';
import type { RelayEnv } from './relay-env.ts';

/** Hono's own exceptions (thrown by built-in middleware) mapped onto catalog codes. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const send = (c: Context<RelayEnv>, error: ApiError) =>
  c.json(errorBody(error.code, error.message, c.get('requestId'), error.details), error.status);

/** Every failure leaves the relay in the one error shape; only 5xx details stay in the log. */
export function handleError(logger: Logger): ErrorHandler<RelayEnv> {
  return (error, c) => {
    if (error instanceof ApiError) return send(c, error);
    const known = error instanceof HTTPException && CODE_BY_STATUS[error.status];
    if (known) return send(c, new ApiError(known, error.message));
    logger.error('unhandled error', { requestId: c.get('requestId'), error });
    return c.json(
      errorBody('internal', 'The relay hit an unexpected error.', c.get('requestId')),
      500 as ContentfulStatusCode,
    );
  };
}

export const handleNotFound: NotFoundHandler<RelayEnv> = (c) =>
  send(c, new ApiError('not_found', 'No such endpoint.'));
