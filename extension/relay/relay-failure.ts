import { z } from 'zod';
import { errorResponse } from '../../shared/relay-api/errors.ts';

const refusal = {
  /** HTTP status of the answer. */
  status: z.number().int(),
  /** Error-catalog code (`shared/error-catalog.ts`): the UI explains the failure from it. */
  code: z.string(),
  /** For developers; the catalog's text is what people read. */
  message: z.string(),
  /** Quoted to the relay's operator, who finds the log lines with it. */
  requestId: z.string(),
  /** `validation_failed` only: each field the relay refused. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
};

/**
 * Why a relay call failed, as a value the UI can explain: the relay client never throws.
 * - `unreachable`: no answer at all (network error, refused connection, timeout);
 * - `unexpected-response`: an answer that is not the relay's (wrong address, a proxy's error
 *   page, malformed JSON, a body that does not match the schema);
 * - the rest are the relay's own refusals, by who must act: `unauthenticated` (the workspace
 *   key is invalid, revoked or expired), `forbidden` (an admin key is needed), `validation`
 *   (the request was wrong), `rejected` (any other 4xx, e.g. not found), `server` (5xx).
 */
export const relayFailureSchema = z.union([
  z.object({ kind: z.literal('unreachable'), reason: z.enum(['network', 'timeout']) }),
  z.object({ kind: z.literal('unexpected-response'), status: z.number().int() }),
  z.object({
    kind: z.enum(['unauthenticated', 'forbidden', 'validation', 'rejected', 'server']),
    ...refusal,
  }),
]);

export type RelayFailure = z.infer<typeof relayFailureSchema>;
/** A refusal in the relay's own error shape. */
type RelayRefusal = Extract<RelayFailure, { code: string }>;

export type RelayResult<T> = { ok: true; value: T } | { ok: false; failure: RelayFailure };

/** A failure from `fetch` itself: it rejects only when no answer came. */
export function failureFromFetchError(error: unknown): RelayFailure {
  // By name: the DOMException class differs between the browser, Node and test DOMs.
  const name = (error as { name?: unknown } | null)?.name;
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  return { kind: 'unreachable', reason: timedOut ? 'timeout' : 'network' };
}

/** A failure from an answer that is not a 2xx: the relay's error, or something else's. */
export function failureFromErrorResponse(status: number, body: unknown): RelayFailure {
  const parsed = errorResponse.safeParse(body);
  if (!parsed.success) return { kind: 'unexpected-response', status };
  const { code, message, requestId, fields } = parsed.data.error;
  return {
    kind: kindOfStatus(status),
    status,
    code,
    message,
    requestId,
    ...(fields && { fields }),
  };
}

function kindOfStatus(status: number): RelayRefusal['kind'] {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  if (status >= 500) return 'server';
  return 'rejected';
}
