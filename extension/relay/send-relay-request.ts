import type { z } from 'zod';
import { parseJson } from './parse-json.ts';
import {
  failureFromErrorResponse,
  failureFromFetchError,
  type RelayResult,
} from './relay-failure.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RelayRequest<T> {
  /** The relay's base URL, without a trailing slash. */
  relayUrl: string;
  method: HttpMethod;
  path: string;
  schema: z.ZodType<T, unknown>;
  /** A session token; none for the call that starts a session. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
}

/**
 * One JSON call to the relay, never throwing: the answer checked with `schema`, or why it
 * failed (no answer, not the relay's answer, the relay's own refusal).
 */
export async function sendRelayRequest<T>({
  relayUrl,
  method,
  path,
  schema,
  token,
  body,
  timeoutMs,
  fetch,
}: RelayRequest<T>): Promise<RelayResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let status: number;
  let text: string;
  try {
    const response = await fetch(`${relayUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    return { ok: false, failure: failureFromFetchError(error) };
  }
  return relayAnswer(status, text, schema);
}

/** An answer's status and body read as the relay's: the value, or why it is a failure. */
export function relayAnswer<T>(
  status: number,
  text: string,
  schema: z.ZodType<T, unknown>,
): RelayResult<T> {
  const json = parseJson(text);
  if (status < 200 || status > 299) {
    return { ok: false, failure: failureFromErrorResponse(status, json) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: { kind: 'unexpected-response', status } };
}
