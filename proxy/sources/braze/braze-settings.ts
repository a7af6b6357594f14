import {
  normalizeRestEndpoint,
  restEndpointFromDashboard,
} from '../../../shared/braze-rest-endpoint.ts';
import type {
  BrazeSettingsRequest,
  BrazeSettingsResponse,
} from '../../../shared/relay-api/braze.ts';
import { ApiError } from '../../http/api-error.ts';
import type { EncryptedSecrets } from '../../secrets/encrypted-secrets.ts';
import { type BrazeClient, type BrazeClientOptions, createBrazeClient } from './braze-client.ts';

/**
 * One encrypted secret holds the endpoint with the key: they only make sense together, and
 * the store needs no table of its own.
 */
const SECRET_NAME = 'braze.rest';

interface StoredSettings {
  endpoint: string;
  apiKey: string;
  savedAt: string;
}

export interface BrazeSettingsOptions {
  secrets: EncryptedSecrets;
  now?: () => Date;
  /** What every client of these settings uses (fetch, sleep, …), for tests. */
  client?: Omit<BrazeClientOptions, 'endpoint' | 'apiKey'>;
}

export type BrazeSettings = ReturnType<typeof createBrazeSettings>;

/** A workspace's Braze REST settings: checked with Braze on save, the key stored encrypted. */
export function createBrazeSettings({
  secrets,
  now = () => new Date(),
  client = {},
}: BrazeSettingsOptions) {
  const read = async (workspaceId: string): Promise<StoredSettings | undefined> => {
    const value = await secrets.get(workspaceId, SECRET_NAME);
    return value === undefined ? undefined : (JSON.parse(value) as StoredSettings);
  };
  return {
    /**
     * Checks the key with Braze's cheapest call (`/segments/list?page=0`), then stores it:
     * a key Braze rejects, or one without `segments.list`, is refused with the catalog's
     * `braze_key_rejected` or `braze_permission_missing`.
     */
    async save(workspaceId: string, request: BrazeSettingsRequest): Promise<BrazeSettingsResponse> {
      const endpoint = request.restEndpoint
        ? normalizeRestEndpoint(request.restEndpoint)
        : restEndpointFromDashboard(request.dashboardUrl ?? '');
      if (endpoint === null) {
        throw new ApiError(
          'validation_failed',
          "The dashboard address is not one of Braze's instances: enter the REST endpoint instead (Settings > APIs and Identifiers).",
          { fields: [{ path: 'dashboardUrl', message: 'no Braze instance for this host' }] },
        );
      }
      const check = createBrazeClient({ retries: 1, ...client, endpoint, apiKey: request.apiKey });
      await check.get('/segments/list', { page: '0' });
      const stored: StoredSettings = {
        endpoint,
        apiKey: request.apiKey,
        savedAt: now().toISOString(),
      };
      await secrets.put(workspaceId, SECRET_NAME, JSON.stringify(stored));
      return view(stored);
    },
    async view(workspaceId: string): Promise<BrazeSettingsResponse> {
      const stored = await read(workspaceId);
      return stored ? view(stored) : { configured: false };
    },
    async remove(workspaceId: string): Promise<void> {
      await secrets.delete(workspaceId, SECRET_NAME);
    },
    /** A client for the workspace's Braze; `braze_not_configured` when there is none. */
    async client(workspaceId: string): Promise<BrazeClient> {
      const stored = await read(workspaceId);
      if (!stored) throw new ApiError('braze_not_configured');
      return createBrazeClient({ ...client, endpoint: stored.endpoint, apiKey: stored.apiKey });
    },
  };
}

function view({ endpoint, apiKey, savedAt }: StoredSettings): BrazeSettingsResponse {
  return { configured: true, restEndpoint: endpoint, keyHint: maskKey(apiKey), savedAt };
}

/** `••••••••c0ffee42` → enough to tell keys apart, never enough to use one. */
export function maskKey(key: string): string {
  return `••••${key.slice(-4)}`;
}
