import { defineBackground } from 'wxt/utils/define-background';
import { listenForRuntimeMessages } from '../messaging/listen-for-runtime-messages.ts';
import { sandboxAllowed } from '../segment-page/dashboard-hosts.ts';
import { rememberSelectedSegment } from '../segment-selection/remember-selected-segment.ts';

export default defineBackground(() => {
  listenForRuntimeMessages({
    'segment:selected': rememberSelectedSegment({
      allowSandbox: sandboxAllowed(import.meta.env.MODE),
    }),
  });
});
