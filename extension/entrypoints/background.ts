import { defineBackground } from 'wxt/utils/define-background';
import { listenForRuntimeMessages } from '../messaging/listen-for-runtime-messages.ts';
import { createRelayConnection } from '../relay/relay-connection.ts';
import { sandboxAllowed } from '../segment-page/dashboard-hosts.ts';
import { rememberSelectedSegment } from '../segment-selection/remember-selected-segment.ts';

export default defineBackground(() => {
  const relay = createRelayConnection();
  listenForRuntimeMessages({
    'segment:selected': rememberSelectedSegment({
      allowSandbox: sandboxAllowed(import.meta.env.MODE),
    }),
    'relay:configure': ({ url, apiKey }) => relay.configure({ url, apiKey }),
    'relay:status': () => relay.status(),
    'relay:forget': () => relay.forget(),
  });
});
