import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { SyncView } from '../../shared/relay-api/syncs.ts';
import { en } from '../i18n/en.ts';
import { describeSyncError } from './describe-sync-error.ts';
import type { AnnouncedErrors, SyncErrorWatcherOptions } from './sync-error-watcher.ts';
import { syncNotificationId } from './sync-links.ts';

/** Errors already announced; `local:` so a browser restart does not repeat them. */
const announcedSyncErrorsItem = storage.defineItem<AnnouncedErrors>('local:announcedSyncErrors', {
  version: 1,
  migrations: {},
  fallback: {},
});

const announcedSchema = z.record(z.string(), z.string());

export function announcedSyncErrors(
  item: {
    getValue(): Promise<unknown>;
    setValue(value: AnnouncedErrors): Promise<void>;
  } = announcedSyncErrorsItem,
): SyncErrorWatcherOptions['announced'] {
  return {
    async get() {
      const parsed = announcedSchema.safeParse(await item.getValue());
      return parsed.success ? parsed.data : {};
    },
    set: (value) => item.setValue(value),
  };
}

/** A notification saying which sync stopped and why, in the catalog's words. */
export function notifySyncError(
  b: Pick<typeof browser, 'notifications' | 'runtime'> = browser,
): SyncErrorWatcherOptions['announce'] {
  return async (sync: SyncView) => {
    const entry = describeSyncError(sync);
    await b.notifications.create(syncNotificationId(sync.id), {
      type: 'basic',
      iconUrl: b.runtime.getURL('/icon-128.png'),
      title: en.syncs.notification.title(sync.name),
      message: `${entry.title}. ${en.syncs.notification.open}`,
    });
  };
}
