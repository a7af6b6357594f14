import { z } from 'zod';
import {
  createSyncRequest,
  type LaunchCheckResponse,
  type SyncMetricsResponse,
  type SyncView,
  updateSyncRequest,
} from '../../shared/relay-api/syncs.ts';
import type { SyncableAudiences, SyncList, SyncResult, SyncSecret } from '../syncs/sync-service.ts';

const syncId = z.string().min(1).max(100);
const onSync = <T extends string>(type: T) => z.object({ type: z.literal(type), syncId });

/** The Syncs page's messages: each is one relay call the background makes for it. */
export const SYNC_MESSAGE_SCHEMAS = [
  z.object({ type: z.literal('syncs:list') }),
  onSync('syncs:get'),
  z.object({ type: z.literal('syncs:create'), request: createSyncRequest }),
  onSync('syncs:update').extend({ change: updateSyncRequest }),
  onSync('syncs:delete'),
  onSync('syncs:launch-check'),
  onSync('syncs:launch'),
  onSync('syncs:pause'),
  onSync('syncs:resume'),
  onSync('syncs:secret'),
  onSync('syncs:rotate-secret'),
  onSync('syncs:metrics').extend({ hours: z.number().int().min(1).max(48) }),
  z.object({
    type: z.literal('syncs:syncable-audiences'),
    adAccountId: z.string().regex(/^(act_)?\d+$/),
  }),
] as const;

export type SyncMessage = z.infer<(typeof SYNC_MESSAGE_SCHEMAS)[number]>;
export type SyncMessageType = SyncMessage['type'];

/** All of them reveal or change the workspace's syncs: extension pages only. */
export const SYNC_MESSAGE_TYPES: readonly SyncMessageType[] = SYNC_MESSAGE_SCHEMAS.map(
  (schema) => schema.shape.type.value,
);

/** What each sync message's handler resolves with. */
export interface SyncMessageValues {
  'syncs:list': SyncResult<SyncList>;
  'syncs:get': SyncResult<SyncView>;
  'syncs:create': SyncResult<SyncView>;
  'syncs:update': SyncResult<SyncView>;
  'syncs:delete': SyncResult<undefined>;
  'syncs:launch-check': SyncResult<LaunchCheckResponse>;
  'syncs:launch': SyncResult<SyncView>;
  'syncs:pause': SyncResult<SyncView>;
  'syncs:resume': SyncResult<SyncView>;
  'syncs:secret': SyncResult<SyncSecret>;
  'syncs:rotate-secret': SyncResult<SyncSecret>;
  'syncs:metrics': SyncResult<SyncMetricsResponse>;
  'syncs:syncable-audiences': SyncResult<SyncableAudiences>;
}
