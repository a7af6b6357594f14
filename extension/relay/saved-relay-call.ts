import type { z } from 'zod';
import type { HttpMethod, RelayClient } from './relay-client.ts';
import type { RelayFailure } from './relay-failure.ts';

/**
 * Why a call to the saved relay failed: the relay's failures, or `no-relay` when none is
 * configured (a page was open while it was forgotten).
 */
export type SavedRelayFailure = RelayFailure | { kind: 'no-relay' };

export type SavedRelayResult<T> =
  | { ok: true; value: T }
  | { ok: false; failure: SavedRelayFailure };

export type SavedRelayCall = <T>(
  method: HttpMethod,
  path: `/v1/${string}`,
  schema: z.ZodType<T, unknown>,
  body?: unknown,
) => Promise<SavedRelayResult<T>>;

/** Calls through the saved relay's client, asked for anew each time (it may have changed). */
export function savedRelayCall(relay: () => Promise<RelayClient | null>): SavedRelayCall {
  return async (method, path, schema, body) => {
    const client = await relay();
    if (!client) return { ok: false, failure: { kind: 'no-relay' } };
    return client.request(method, path, schema, body);
  };
}
