import type { SyncView } from '../../shared/relay-api/syncs.ts';
import type { SyncService } from './sync-service.ts';

/** The error code announced for each errored sync, by sync id. */
export type AnnouncedErrors = Record<string, string>;

export interface SyncErrorWatcherOptions {
  syncs: Pick<SyncService, 'list'>;
  /** Kept where it outlives the worker, so a restart does not announce an error again. */
  announced: {
    get(): Promise<AnnouncedErrors>;
    set(value: AnnouncedErrors): Promise<void>;
  };
  announce(sync: SyncView): Promise<void>;
}

/**
 * Looks at the workspace's syncs (on an alarm) and announces each sync that became errored,
 * once per error: a sync that stays errored is not announced again, one that was resumed and
 * fails again is.
 */
export function createSyncErrorWatcher({ syncs, announced, announce }: SyncErrorWatcherOptions) {
  let running: Promise<void> | null = null;
  const check = async () => {
    const listed = await syncs.list();
    // No relay, or it did not answer: nothing is known, so nothing changes.
    if (!listed.ok) return;
    const before = await announced.get();
    const after: AnnouncedErrors = {};
    for (const sync of listed.value.syncs) {
      if (sync.status !== 'errored' || !sync.error) continue;
      after[sync.id] = sync.error.code;
      if (before[sync.id] !== sync.error.code) await announce(sync);
    }
    await announced.set(after);
  };
  return {
    /** One check at a time: an alarm during a slow check joins it. */
    check(): Promise<void> {
      running ??= check().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
