import type { CreateExportRequest } from '../../shared/relay-api/exports.ts';
import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The popup's way to start and cancel exports: the background holds the relay and streams. */
export interface BackgroundExports {
  facebookStatus(): Promise<MessageReplyOf<'facebook:status'>>;
  start(
    request: CreateExportRequest,
    name: string,
    segmentKey: string | null,
  ): Promise<MessageReplyOf<'export:start'>>;
  cancel(exportId: string): Promise<MessageReplyOf<'export:cancel'>>;
  /** The workspace's consent defaults, which the export form starts from. */
  consentDefaults(): Promise<MessageReplyOf<'consent-defaults:get'>>;
}

export const backgroundExports: BackgroundExports = {
  facebookStatus: () => sendRuntimeMessage({ type: 'facebook:status', refresh: false }),
  start: (request, name, segmentKey) =>
    sendRuntimeMessage({ type: 'export:start', request, name, segmentKey }),
  cancel: (exportId) => sendRuntimeMessage({ type: 'export:cancel', exportId }),
  consentDefaults: () => sendRuntimeMessage({ type: 'consent-defaults:get' }),
};
