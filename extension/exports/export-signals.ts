import { browser } from 'wxt/browser';
import { en } from '../i18n/en.ts';
import type { ExportSignals } from './export-watcher.ts';
import type { TrackedExport } from './tracked-export.ts';

/** Chrome stops an idle worker after 30 s; an extension API call every 25 s keeps it up. */
const KEEP_ALIVE_MS = 25_000;

type Browser = typeof browser;

/** One notification per job, so a later one replaces it and a click finds the job. */
export const notificationId = (exportId: string) => `export:${exportId}`;
export const exportIdOfNotification = (id: string) =>
  id.startsWith('export:') ? id.slice('export:'.length) : null;

/** Where a notification's click leads: the popup page, opened on the export's report. */
export const reportUrl = (exportId: string, b: Pick<Browser, 'runtime'> = browser) =>
  b.runtime.getURL(`/popup.html?export=${encodeURIComponent(exportId)}`);

/** The badge, notifications and keep-alive through the browser's APIs. */
export function browserExportSignals(
  b: Pick<Browser, 'action' | 'notifications' | 'runtime'> = browser,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): ExportSignals {
  return {
    async showRunning(count) {
      await b.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      await b.action.setBadgeBackgroundColor({ color: '#1f5fd1' });
    },
    async announceEnd(job: TrackedExport) {
      const text = en.exports.notification;
      const message =
        job.phase === 'done' ? text.done : job.phase === 'failed' ? text.failed : text.cancelled;
      await b.notifications.create(notificationId(job.id), {
        type: 'basic',
        iconUrl: b.runtime.getURL('/icon-128.png'),
        title: message(job.name),
        message: text.openReport,
      });
    },
    keepAlive() {
      const timer = timers.setInterval(() => {
        void b.runtime.getPlatformInfo();
      }, KEEP_ALIVE_MS);
      return () => timers.clearInterval(timer);
    },
  };
}
