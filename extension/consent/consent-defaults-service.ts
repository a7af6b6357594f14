import type { ConsentSettings } from '../../shared/consent-settings.ts';
import {
  type ConsentDefaultsResponse,
  consentDefaultsResponse,
} from '../../shared/relay-api/consent.ts';
import type { RelayClient } from '../relay/relay-client.ts';
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
  relay: () => Promise<RelayClient | null>;
}): ConsentDefaultsService {
  const call = async (method: 'GET' | 'PUT', body?: ConsentSettings) => {
    const client = await relay();
    if (!client)
      return {
        ok: false as const,
        failure: { kind: 'unreachable' as const, reason: 'network' as const },
      };
    return client.request(method, '/v1/settings/consent', consentDefaultsResponse, body);
  };
  return { get: () => call('GET'), save: (settings) => call('PUT', settings) };
}
