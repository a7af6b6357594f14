import type { z } from 'zod';
import type { HttpMethod, RelayClient } from './relay-client.ts';
import type { RelayResult } from './relay-failure.ts';

/** The background's relay client, or null while no relay is configured. */
export type RelayClientSource = () => Promise<Pick<RelayClient, 'request'> | null>;

/**
 * One session-authenticated relay call from the background. Without a configured relay the
 * call fails as one that found nothing to reach: the pages explain both the same way.
 */
export async function callRelay<T>(
  relay: RelayClientSource,
  method: HttpMethod,
  path: `/v1/${string}`,
  schema: z.ZodType<T, unknown>,
  body?: unknown,
): Promise<RelayResult<T>> {
  const client = await relay();
  if (!client) return { ok: false, failure: { kind: 'unreachable', reason: 'network' } };
  return client.request(method, path, schema, body);
}
