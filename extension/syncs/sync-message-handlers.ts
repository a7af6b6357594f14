import type { RuntimeMessageHandlers } from '../messaging/listen-for-runtime-messages.ts';
import type { SyncMessageType } from '../messaging/sync-messages.ts';
import type { SyncService } from './sync-service.ts';

/** The background's answers to the Syncs page: each message is one call of the service. */
export function syncMessageHandlers(
  syncs: SyncService,
): Pick<RuntimeMessageHandlers, SyncMessageType> {
  return {
    'syncs:list': () => syncs.list(),
    'syncs:get': ({ syncId }) => syncs.get(syncId),
    'syncs:create': ({ request }) => syncs.create(request),
    'syncs:update': ({ syncId, change }) => syncs.update(syncId, change),
    'syncs:delete': ({ syncId }) => syncs.remove(syncId),
    'syncs:launch-check': ({ syncId }) => syncs.launchCheck(syncId),
    'syncs:launch': ({ syncId }) => syncs.launch(syncId),
    'syncs:pause': ({ syncId }) => syncs.pause(syncId),
    'syncs:resume': ({ syncId }) => syncs.resume(syncId),
    'syncs:secret': ({ syncId }) => syncs.secret(syncId),
    'syncs:rotate-secret': ({ syncId }) => syncs.rotateSecret(syncId),
    'syncs:metrics': ({ syncId, hours }) => syncs.metrics(syncId, hours),
    'syncs:syncable-audiences': ({ adAccountId }) => syncs.syncableAudiences(adAccountId),
  };
}
