import { z } from 'zod';
import {
  type CreateSyncRequest,
  type LaunchCheckResponse,
  launchCheckResponse,
  type SyncMetricsResponse,
  type SyncView,
  syncableAudiencesResponse,
  syncListResponse,
  syncMetricsResponse,
  syncSecretResponse,
  syncView,
  type UpdateSyncRequest,
} from '../../shared/relay-api/syncs.ts';
import type { RelayClient } from '../relay/relay-client.ts';
import { type SavedRelayResult, savedRelayCall } from '../relay/saved-relay-call.ts';

export type SyncList = z.infer<typeof syncListResponse>;
export type SyncSecret = z.infer<typeof syncSecretResponse>;
export type SyncableAudiences = z.infer<typeof syncableAudiencesResponse>;
export type SyncResult<T> = SavedRelayResult<T>;

/** The relay's sync routes (`/v1/syncs`), as the background calls them for the Syncs page. */
export interface SyncService {
  list(): Promise<SyncResult<SyncList>>;
  get(id: string): Promise<SyncResult<SyncView>>;
  create(request: CreateSyncRequest): Promise<SyncResult<SyncView>>;
  update(id: string, change: UpdateSyncRequest): Promise<SyncResult<SyncView>>;
  remove(id: string): Promise<SyncResult<undefined>>;
  /** What launching would refuse or warn about; never launches. */
  launchCheck(id: string): Promise<SyncResult<LaunchCheckResponse>>;
  launch(id: string): Promise<SyncResult<SyncView>>;
  pause(id: string): Promise<SyncResult<SyncView>>;
  /** From paused or errored: the relay checks again as at launch. */
  resume(id: string): Promise<SyncResult<SyncView>>;
  secret(id: string): Promise<SyncResult<SyncSecret>>;
  /** The old secret stops working at once. */
  rotateSecret(id: string): Promise<SyncResult<SyncSecret>>;
  metrics(id: string, hours: number): Promise<SyncResult<SyncMetricsResponse>>;
  syncableAudiences(adAccountId: string): Promise<SyncResult<SyncableAudiences>>;
}

export function createSyncService(relay: () => Promise<RelayClient | null>): SyncService {
  const call = savedRelayCall(relay);
  const sync = (id: string) => `/v1/syncs/${encodeURIComponent(id)}` as const;
  return {
    list: () => call('GET', '/v1/syncs', syncListResponse),
    get: (id) => call('GET', sync(id), syncView),
    create: (request) => call('POST', '/v1/syncs', syncView, request),
    update: (id, change) => call('PATCH', sync(id), syncView, change),
    // 204: no body.
    remove: (id) => call('DELETE', sync(id), z.undefined()),
    launchCheck: (id) => call('GET', `${sync(id)}/launch-check`, launchCheckResponse),
    launch: (id) => call('POST', `${sync(id)}/launch`, syncView),
    pause: (id) => call('POST', `${sync(id)}/pause`, syncView),
    resume: (id) => call('POST', `${sync(id)}/resume`, syncView),
    secret: (id) => call('GET', `${sync(id)}/secret`, syncSecretResponse),
    rotateSecret: (id) => call('POST', `${sync(id)}/secret/rotate`, syncSecretResponse),
    metrics: (id, hours) => call('GET', `${sync(id)}/metrics?hours=${hours}`, syncMetricsResponse),
    syncableAudiences: (adAccountId) =>
      call(
        'GET',
        `/v1/facebook/ad-accounts/${encodeURIComponent(adAccountId)}/syncable-audiences`,
        syncableAudiencesResponse,
      ),
  };
}
