import type { CreateSyncRequest, UpdateSyncRequest } from '../../shared/relay-api/syncs.ts';
import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The Syncs page's way to the relay's syncs: messages to the background. */
export interface BackgroundSyncs {
  list(): Promise<MessageReplyOf<'syncs:list'>>;
  get(syncId: string): Promise<MessageReplyOf<'syncs:get'>>;
  create(request: CreateSyncRequest): Promise<MessageReplyOf<'syncs:create'>>;
  update(syncId: string, change: UpdateSyncRequest): Promise<MessageReplyOf<'syncs:update'>>;
  remove(syncId: string): Promise<MessageReplyOf<'syncs:delete'>>;
  launchCheck(syncId: string): Promise<MessageReplyOf<'syncs:launch-check'>>;
  launch(syncId: string): Promise<MessageReplyOf<'syncs:launch'>>;
  pause(syncId: string): Promise<MessageReplyOf<'syncs:pause'>>;
  resume(syncId: string): Promise<MessageReplyOf<'syncs:resume'>>;
  secret(syncId: string): Promise<MessageReplyOf<'syncs:secret'>>;
  rotateSecret(syncId: string): Promise<MessageReplyOf<'syncs:rotate-secret'>>;
  metrics(syncId: string, hours: number): Promise<MessageReplyOf<'syncs:metrics'>>;
  syncableAudiences(adAccountId: string): Promise<MessageReplyOf<'syncs:syncable-audiences'>>;
  facebookStatus(): Promise<MessageReplyOf<'facebook:status'>>;
  /** The workspace's consent defaults: a sync's filters are its changes over them. */
  consentDefaults(): Promise<MessageReplyOf<'consent-defaults:get'>>;
}

export const backgroundSyncs: BackgroundSyncs = {
  list: () => sendRuntimeMessage({ type: 'syncs:list' }),
  get: (syncId) => sendRuntimeMessage({ type: 'syncs:get', syncId }),
  create: (request) => sendRuntimeMessage({ type: 'syncs:create', request }),
  update: (syncId, change) => sendRuntimeMessage({ type: 'syncs:update', syncId, change }),
  remove: (syncId) => sendRuntimeMessage({ type: 'syncs:delete', syncId }),
  launchCheck: (syncId) => sendRuntimeMessage({ type: 'syncs:launch-check', syncId }),
  launch: (syncId) => sendRuntimeMessage({ type: 'syncs:launch', syncId }),
  pause: (syncId) => sendRuntimeMessage({ type: 'syncs:pause', syncId }),
  resume: (syncId) => sendRuntimeMessage({ type: 'syncs:resume', syncId }),
  secret: (syncId) => sendRuntimeMessage({ type: 'syncs:secret', syncId }),
  rotateSecret: (syncId) => sendRuntimeMessage({ type: 'syncs:rotate-secret', syncId }),
  metrics: (syncId, hours) => sendRuntimeMessage({ type: 'syncs:metrics', syncId, hours }),
  syncableAudiences: (adAccountId) =>
    sendRuntimeMessage({ type: 'syncs:syncable-audiences', adAccountId }),
  facebookStatus: () => sendRuntimeMessage({ type: 'facebook:status', refresh: false }),
  consentDefaults: () => sendRuntimeMessage({ type: 'consent-defaults:get' }),
};
