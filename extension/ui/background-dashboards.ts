import type { MessageReplyOf } from '../messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../messaging/send-runtime-message.ts';
import type { ExtraDashboardHost } from '../segment-page/extra-dashboard-hosts.ts';

/** The pages' way to the extra dashboard hosts, which the background registers scripts for. */
export interface BackgroundDashboards {
  list(): Promise<MessageReplyOf<'dashboard-hosts:list'>>;
  add(host: ExtraDashboardHost): Promise<MessageReplyOf<'dashboard-hosts:add'>>;
  remove(host: ExtraDashboardHost): Promise<MessageReplyOf<'dashboard-hosts:remove'>>;
}

export const backgroundDashboards: BackgroundDashboards = {
  list: () => sendRuntimeMessage({ type: 'dashboard-hosts:list' }),
  add: (host) => sendRuntimeMessage({ type: 'dashboard-hosts:add', host }),
  remove: (host) => sendRuntimeMessage({ type: 'dashboard-hosts:remove', host }),
};
