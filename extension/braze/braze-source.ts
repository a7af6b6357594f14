import {
  type BrazeSettingsRequest,
  type BrazeSettingsResponse,
  brazeSettingsResponse,
} from '../../shared/relay-api/braze.ts';
import type { RelayClient } from '../relay/relay-client.ts';
import { type SavedRelayResult, savedRelayCall } from '../relay/saved-relay-call.ts';

/**
 * The workspace's Braze REST source, kept by the relay: the key goes there once and never
 * comes back (only a masked hint of its end does).
 */
export interface BrazeSource {
  settings(): Promise<SavedRelayResult<BrazeSettingsResponse>>;
  /** The relay checks the key with Braze before it keeps it. */
  save(request: BrazeSettingsRequest): Promise<SavedRelayResult<BrazeSettingsResponse>>;
  remove(): Promise<SavedRelayResult<BrazeSettingsResponse>>;
}

export function createBrazeSource({
  relay,
}: {
  /** The saved relay's client, or null when none is configured. */
  relay: () => Promise<RelayClient | null>;
}): BrazeSource {
  const call = savedRelayCall(relay);
  return {
    settings: () => call('GET', '/v1/sources/braze', brazeSettingsResponse),
    save: (request) => call('PUT', '/v1/sources/braze', brazeSettingsResponse, request),
    remove: () => call('DELETE', '/v1/sources/braze', brazeSettingsResponse),
  };
}
