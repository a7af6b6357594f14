import type { BrazeSettingsRequest } from '../../shared/relay-api/braze.ts';
import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The pages' way to the workspace's Braze source: messages to the background. */
export interface BackgroundBraze {
  settings(): Promise<MessageReplyOf<'braze:settings'>>;
  save(settings: BrazeSettingsRequest): Promise<MessageReplyOf<'braze:save'>>;
  remove(): Promise<MessageReplyOf<'braze:remove'>>;
}

export const backgroundBraze: BackgroundBraze = {
  settings: () => sendRuntimeMessage({ type: 'braze:settings' }),
  save: (settings) => sendRuntimeMessage({ type: 'braze:save', settings }),
  remove: () => sendRuntimeMessage({ type: 'braze:remove' }),
};
