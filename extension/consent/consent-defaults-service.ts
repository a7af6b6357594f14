import type { ConsentSettings } from '../../shared/consent-settings.ts';
import {
  type ConsentDefaultsResponse,
  consentDefaultsResponse,
} from '../../shared/relay-api/consent.ts';
import { callRelay, type RelayClientSource } from '../relay/call-relay.ts';
import type { RelayResult } from '../relay/relay-failure.ts';

/** The workspace's consent defaults, as the background reads and saves them on the relay. */
export interface ConsentDefaultsService {
  get(): Promise<RelayResult<ConsentDefaultsResponse>>;
  /** Admins only: the relay answers `forbidden` to a marketer's key. */
  save(settings: ConsentSettings): Promise<RelayResult<ConsentDefaultsResponse>>;
}

export function createConsentDefaultsService({
  relay,
}: {
  /** The saved relay's client, or null when none is configured. */
  relay: RelayClientSource;
}): ConsentDefaultsService {
  const path = '/v1/settings/consent';
  return {
    get: () => callRelay(relay, 'GET', path, consentDefaultsResponse),
    save: (settings) => callRelay(relay, 'PUT', path, consentDefaultsResponse, settings),
  };
}
