import type { ConsentSettings } from '../../shared/consent-settings.ts';
import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The pages' way to the workspace's consent defaults: messages to the background. */
export interface BackgroundConsentDefaults {
  get(): Promise<MessageReplyOf<'consent-defaults:get'>>;
  save(settings: ConsentSettings): Promise<MessageReplyOf<'consent-defaults:save'>>;
}

export const backgroundConsentDefaults: BackgroundConsentDefaults = {
  get: () => sendRuntimeMessage({ type: 'consent-defaults:get' }),
  save: (settings) => sendRuntimeMessage({ type: 'consent-defaults:save', settings }),
};
