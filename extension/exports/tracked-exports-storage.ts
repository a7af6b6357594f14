import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { type TrackedExport, trackedExportSchema } from './tracked-export.ts';

const trackedExportsSchema = z.record(z.string(), trackedExportSchema);
export type TrackedExports = Record<string, TrackedExport>;

/**
 * The exports this browser follows, by id. `session:` storage outlives the service worker,
 * so a restarted worker resumes each stream where it stopped, and the popup reads and
 * watches it (extension pages may; content scripts may not).
 */
export const trackedExportsItem = storage.defineItem<TrackedExports>('session:trackedExports', {
  version: 1,
  migrations: {},
  fallback: {},
});

/** Where the background keeps its jobs; in memory for tests. */
export interface TrackedExportStore {
  all(): Promise<TrackedExports>;
  /** Replaces one job with what `change` makes of it; serialised so no update is lost. */
  update(id: string, change: (job: TrackedExport | undefined) => TrackedExport): Promise<void>;
}

export function trackedExportStore(
  item: {
    getValue(): Promise<unknown>;
    setValue(value: TrackedExports): Promise<void>;
  } = trackedExportsItem,
): TrackedExportStore {
  const all = async () => {
    const parsed = trackedExportsSchema.safeParse(await item.getValue());
    return parsed.success ? parsed.data : {};
  };
  let queue = Promise.resolve();
  return {
    all,
    update(id, change) {
      const run = queue.then(async () => {
        const jobs = await all();
        await item.setValue({ ...jobs, [id]: change(jobs[id]) });
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}

/** A store kept in memory: for tests and for checking the logic without a browser. */
export function memoryTrackedExportStore(initial: TrackedExports = {}) {
  let value: TrackedExports = initial;
  return trackedExportStore({
    getValue: async () => value,
    setValue: async (next) => {
      value = next;
    },
  });
}
