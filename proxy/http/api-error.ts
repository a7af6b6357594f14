import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CATALOG, type ErrorCode } from '../../shared/error-catalog.ts';

/**
 * An error the relay answers with on purpose: a catalog code (so the extension can explain
 * it), a message for developers, and optional details merged into the error body.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? ERROR_CATALOG[code].explanation);
    this.code = code;
    this.status = ERROR_CATALOG[code].httpStatus as ContentfulStatusCode;
    this.details = details;
  }
}

/** The relay's one error shape: `{error: {code, message, requestId, ...details}}`. */
export function errorBody(
  code: string,
  message: string,
  requestId: string,
  details: Record<string, unknown> = {},
) {
  return { error: { ...details, code, message, requestId } };
}
