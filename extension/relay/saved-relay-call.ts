import type { z } from 'zod';
import type { HttpMethod, RelayClient } from './relay-client.ts';
import type { RelayFailure } from './relay-failure.ts';

/** No relay is configured (a page was open while it was forgotten). */
export interface NoRelay {
  kind: 'no-relay';
}

export type SavedRelayResult<T> =
  | { ok: true; value: T }
  | { ok: false; failure: RelayFailure | NoRelay };

export type SavedRelayCall = <T>(
  method: HttpMethod,
  path: `/v1/${string}`,
  schema: z.ZodType<T, unknown>,
  body?: unknown,
) => Promise<SavedRelayResult<T>>;

/** Calls the saved relay, whichever it is at the time; `no-relay` when there is none. */
export function savedRelayCall(relay: () => Promise<RelayClient | null>): SavedRelayCall {
  return async (method, path, schema, body) => {
    const client = await relay();
    if (!client) return { ok: false, failure: { kind: 'no-relay' } };
    return client.request(method, path, schema, body);
  };
}
