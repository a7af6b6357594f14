import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBrazeSource } from '../braze/braze-source.ts';
import { createExportReports } from '../exports/export-reports.ts';
import {
  browserExportSignals,
  exportIdOfNotification,
  reportUrl,
} from '../exports/export-signals.ts';
import { createExportWatcher } from '../exports/export-watcher.ts';
import { trackedExportStore } from '../exports/tracked-exports-storage.ts';
import { createFacebookService } from '../facebook/facebook-service.ts';
import { browserWebAuthFlow } from '../facebook/web-auth-flow.ts';
import { listenForRuntimeMessages } from '../messaging/listen-for-runtime-messages.ts';
import { createRelayConnection } from '../relay/relay-connection.ts';
import { sandboxAllowed } from '../segment-page/dashboard-hosts.ts';
import { extraDashboards } from '../segment-page/extra-dashboard-scripts.ts';
import { rememberSelectedSegment } from '../segment-selection/remember-selected-segment.ts';
import { createSyncErrorWatcher } from '../syncs/sync-error-watcher.ts';
import { syncIdOfNotification, syncsPageUrl } from '../syncs/sync-links.ts';
import { syncMessageHandlers } from '../syncs/sync-message-handlers.ts';
import { createSyncService } from '../syncs/sync-service.ts';
import { announcedSyncErrors, notifySyncError } from '../syncs/sync-signals.ts';

/** A backstop for streams a sleeping worker lost: each alarm re-attaches running jobs. */
const RESUME_ALARM = 'exports:resume';
/** Looks for syncs that stopped on an error; without a relay it asks nothing. */
const SYNC_ERRORS_ALARM = 'syncs:errors';

export default defineBackground(() => {
  const relay = createRelayConnection();
  const dashboards = extraDashboards();
  void dashboards.sync().catch((error: unknown) => {
    console.error('Audience Relay could not register the extra dashboard hosts', error);
  });
  const facebook = createFacebookService({
    relay: () => relay.client(),
    webAuthFlow: browserWebAuthFlow(),
  });
  const braze = createBrazeSource({ relay: () => relay.client() });
  const exports = createExportWatcher({
    relay: () => relay.client(),
    store: trackedExportStore(),
    signals: browserExportSignals(),
  });
  const reports = createExportReports(() => relay.client());
  const syncs = createSyncService(() => relay.client());
  const syncErrors = createSyncErrorWatcher({
    syncs,
    announced: announcedSyncErrors(),
    announce: notifySyncError(),
  });
  listenForRuntimeMessages({
    'segment:selected': rememberSelectedSegment({
      allowSandbox: sandboxAllowed(import.meta.env.MODE),
    }),
    'relay:configure': ({ url, apiKey }) => relay.configure({ url, apiKey }),
    'relay:status': () => relay.status(),
    'relay:forget': () => relay.forget(),
    'facebook:status': ({ refresh }) => facebook.status({ refresh }),
    'facebook:connect': () => facebook.connect(),
    'facebook:ad-accounts': () => facebook.adAccounts(),
    'facebook:save-ad-accounts': ({ adAccountIds }) => facebook.saveAdAccounts(adAccountIds),
    'facebook:disconnect': () => facebook.disconnect(),
    'facebook:use-system-user-token': ({ token }) => facebook.useSystemUserToken(token),
    'facebook:remove-system-user-token': () => facebook.removeSystemUserToken(),
    'braze:settings': () => braze.settings(),
    'braze:save': ({ settings }) => braze.save(settings),
    'braze:remove': () => braze.remove(),
    'dashboard-hosts:list': () => dashboards.list(),
    'dashboard-hosts:add': ({ host }) => dashboards.add(host),
    'dashboard-hosts:remove': ({ host }) => dashboards.remove(host),
    'export:start': ({ request, name, segmentKey }) => exports.start({ request, name, segmentKey }),
    'export:cancel': ({ exportId }) => exports.cancel(exportId),
    'exports:list': ({ limit }) => reports.list(limit),
    'export:get': ({ exportId }) => reports.get(exportId),
    'export:follow': ({ exportId }) => exports.follow(exportId),
    'export:resume': ({ exportId }) => exports.resume(exportId),
    'audience:create-lookalike': ({ audienceId, request }) =>
      reports.createLookalike(audienceId, request),
    ...syncMessageHandlers(syncs),
  });
  void exports.resumeRunning();
  void browser.alarms.create(RESUME_ALARM, { periodInMinutes: 1 });
  void browser.alarms.create(SYNC_ERRORS_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void exports.resumeRunning();
    if (alarm.name === SYNC_ERRORS_ALARM) void syncErrors.check();
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    const exportId = exportIdOfNotification(notificationId);
    if (exportId) void browser.tabs.create({ url: reportUrl(exportId) });
    const syncId = syncIdOfNotification(notificationId);
    if (syncId) void browser.tabs.create({ url: syncsPageUrl(syncId) });
  });
});
