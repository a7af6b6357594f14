import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendRuntimeMessage } from '../../messaging/send-runtime-message.ts';
import { dashboardMatches, sandboxAllowed } from '../../segment-page/dashboard-hosts.ts';
import { readExtraDashboardHosts } from '../../segment-page/extra-dashboard-hosts-storage.ts';
import { createFloatingExportButton } from '../../segment-page/floating-export-button.tsx';
import { mountExportAction } from '../../segment-page/mount-export-action.ts';
import { parseSegmentUrl } from '../../segment-page/parse-segment-url.ts';

export default defineContentScript({
  matches: dashboardMatches(import.meta.env.MODE),
  // The floating button brings its own styles into its shadow root (see
  // floating-export-button.tsx): nothing goes into the page, nothing is web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const allowSandbox = sandboxAllowed(import.meta.env.MODE);
    // Also injected on the hosts an admin enabled (registered by the background at run time).
    const extraHosts = await readExtraDashboardHosts();
    mountExportAction({
      signal: ctx.signal,
      locate: (url) => parseSegmentUrl(url, { allowSandbox, extraHosts }),
      floatingButton: await createFloatingExportButton(ctx),
      onExport: async (segment) => {
        const reply = await sendRuntimeMessage({ type: 'segment:selected', segment });
        if (!reply.ok) console.warn(`Audience Relay could not select the segment: ${reply.error}`);
      },
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
