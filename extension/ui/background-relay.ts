import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';
import type { RelaySettings } from '../relay/relay-settings.ts';

/** The pages' only way to the relay: messages to the background, which holds the session. */
export interface BackgroundRelay {
  status(): Promise<MessageReplyOf<'relay:status'>>;
  configure(settings: RelaySettings): Promise<MessageReplyOf<'relay:configure'>>;
  forget(): Promise<MessageReplyOf<'relay:forget'>>;
}

export const backgroundRelay: BackgroundRelay = {
  status: () => sendRuntimeMessage({ type: 'relay:status' }),
  configure: (settings) => sendRuntimeMessage({ type: 'relay:configure', ...settings }),
  forget: () => sendRuntimeMessage({ type: 'relay:forget' }),
};
