import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';

/** The pages' way to the workspace's Facebook connection: messages to the background. */
export interface BackgroundFacebook {
  status(refresh: boolean): Promise<MessageReplyOf<'facebook:status'>>;
  connect(): Promise<MessageReplyOf<'facebook:connect'>>;
  adAccounts(): Promise<MessageReplyOf<'facebook:ad-accounts'>>;
  saveAdAccounts(adAccountIds: string[]): Promise<MessageReplyOf<'facebook:save-ad-accounts'>>;
  disconnect(): Promise<MessageReplyOf<'facebook:disconnect'>>;
  useSystemUserToken(token: string): Promise<MessageReplyOf<'facebook:use-system-user-token'>>;
  removeSystemUserToken(): Promise<MessageReplyOf<'facebook:remove-system-user-token'>>;
}

export const backgroundFacebook: BackgroundFacebook = {
  status: (refresh) => sendRuntimeMessage({ type: 'facebook:status', refresh }),
  connect: () => sendRuntimeMessage({ type: 'facebook:connect' }),
  adAccounts: () => sendRuntimeMessage({ type: 'facebook:ad-accounts' }),
  saveAdAccounts: (adAccountIds) =>
    sendRuntimeMessage({ type: 'facebook:save-ad-accounts', adAccountIds }),
  disconnect: () => sendRuntimeMessage({ type: 'facebook:disconnect' }),
  useSystemUserToken: (token) =>
    sendRuntimeMessage({ type: 'facebook:use-system-user-token', token }),
  removeSystemUserToken: () => sendRuntimeMessage({ type: 'facebook:remove-system-user-token' }),
};
