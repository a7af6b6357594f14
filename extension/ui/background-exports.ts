import type { CreateExportRequest, LookalikeRequest } from '../../shared/relay-api/exports.ts';
import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The popup's way to exports and their reports: the background holds the relay and streams. */
export interface BackgroundExports {
  facebookStatus(): Promise<MessageReplyOf<'facebook:status'>>;
  start(
    request: CreateExportRequest,
    name: string,
    segmentKey: string | null,
  ): Promise<MessageReplyOf<'export:start'>>;
  cancel(exportId: string): Promise<MessageReplyOf<'export:cancel'>>;
  list(limit: number): Promise<MessageReplyOf<'exports:list'>>;
  get(exportId: string): Promise<MessageReplyOf<'export:get'>>;
  follow(exportId: string): Promise<MessageReplyOf<'export:follow'>>;
  resume(exportId: string): Promise<MessageReplyOf<'export:resume'>>;
  createLookalike(
    audienceId: string,
    request: LookalikeRequest,
  ): Promise<MessageReplyOf<'audience:create-lookalike'>>;
}

export const backgroundExports: BackgroundExports = {
  facebookStatus: () => sendRuntimeMessage({ type: 'facebook:status', refresh: false }),
  start: (request, name, segmentKey) =>
    sendRuntimeMessage({ type: 'export:start', request, name, segmentKey }),
  cancel: (exportId) => sendRuntimeMessage({ type: 'export:cancel', exportId }),
  list: (limit) => sendRuntimeMessage({ type: 'exports:list', limit }),
  get: (exportId) => sendRuntimeMessage({ type: 'export:get', exportId }),
  follow: (exportId) => sendRuntimeMessage({ type: 'export:follow', exportId }),
  resume: (exportId) => sendRuntimeMessage({ type: 'export:resume', exportId }),
  createLookalike: (audienceId, request) =>
    sendRuntimeMessage({ type: 'audience:create-lookalike', audienceId, request }),
};
