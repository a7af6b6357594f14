import { browser } from 'wxt/browser';
import { searchOf } from './syncs-route.ts';

type Runtime = Pick<typeof browser.runtime, 'getURL'>;

/** The Syncs page, opened on one sync when `syncId` is given. */
export const syncsPageUrl = (syncId?: string, runtime: Runtime = browser.runtime): string =>
  runtime.getURL(`/syncs.html${syncId ? searchOf({ kind: 'sync', syncId }) : ''}` as '/syncs.html');

/** One notification per sync, so a later one replaces it and a click finds the sync. */
export const syncNotificationId = (syncId: string) => `sync:${syncId}`;
export const syncIdOfNotification = (id: string) =>
  id.startsWith('sync:') ? id.slice('sync:'.length) : null;
