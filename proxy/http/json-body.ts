import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { readBodyText } from './body-limit.ts';
import type { RelayEnv } from './relay-env.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** A field-by-field account of what failed, for the `validation_failed` error body. */
export function validationError(error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const summary = fields.map((field) => `${field.path || '(body)'}: ${field.message}`).join('; ');
  return new ApiError('validation_failed', `Invalid request: ${summary}`, { fields });
}

/** `value` as `schema` reads it, or `validation_failed` (400) with field details. */
export function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * Reads the JSON body (at most `maxBytes`), validates it with `schema` and hands the result to
 * the handler as `c.req.valid('json')`. Each way it can fail has its own error code: 415,
 * 413, malformed JSON, or validation with field details.
 */
export function jsonBody<Schema extends z.ZodType>(
  schema: Schema,
  maxBytes: number,
): MiddlewareHandler<
  RelayEnv,
  string,
  { in: { json: z.input<Schema> }; out: { json: z.output<Schema> } }
> {
  return async (c, next) => {
    c.req.addValidatedData(
      'json',
      validated(schema, await readJson(c.req.raw, maxBytes)) as object,
    );
    await next();
  };
}

/** A JSON body of at most `maxBytes`, parsed; 415, 413 and malformed JSON are refused. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError('unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('malformed_json', 'The request body is not valid JSON.');
  }
}
