import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { facebookStatusResponse } from '../../shared/relay-api/facebook.ts';
import {
  browserExportSignals,
  exportIdOfNotification,
  reportUrl,
} from '../exports/export-signals.ts';
import { createExportWatcher } from '../exports/export-watcher.ts';
import { trackedExportStore } from '../exports/tracked-exports-storage.ts';
import { listenForRuntimeMessages } from '../messaging/listen-for-runtime-messages.ts';
import { createRelayConnection } from '../relay/relay-connection.ts';
import { sandboxAllowed } from '../segment-page/dashboard-hosts.ts';
import { rememberSelectedSegment } from '../segment-selection/remember-selected-segment.ts';

/** A backstop for streams a sleeping worker lost: each alarm re-attaches running jobs. */
const RESUME_ALARM = 'exports:resume';

export default defineBackground(() => {
  const relay = createRelayConnection();
  const exports = createExportWatcher({
    relay: () => relay.client(),
    store: trackedExportStore(),
    signals: browserExportSignals(),
  });
  listenForRuntimeMessages({
    'segment:selected': rememberSelectedSegment({
      allowSandbox: sandboxAllowed(import.meta.env.MODE),
    }),
    'relay:configure': ({ url, apiKey }) => relay.configure({ url, apiKey }),
    'relay:status': () => relay.status(),
    'relay:forget': () => relay.forget(),
    'facebook:status': async () => {
      const client = await relay.client();
      return client ? client.request('GET', '/v1/facebook/status', facebookStatusResponse) : null;
    },
    'export:start': ({ request, name, segmentKey }) => exports.start({ request, name, segmentKey }),
    'export:cancel': ({ exportId }) => exports.cancel(exportId),
  });
  void exports.resumeRunning();
  void browser.alarms.create(RESUME_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void exports.resumeRunning();
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    const exportId = exportIdOfNotification(notificationId);
    if (exportId) void browser.tabs.create({ url: reportUrl(exportId) });
  });
});
