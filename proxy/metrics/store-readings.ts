import type { RelayStore } from '../store/store.ts';
import type { MetricReadings } from './relay-metrics.ts';

/** The gauges' readings from the store: counts only, never a row's content. */
export function storeReadings(store: Pick<RelayStore, 'syncs' | 'exportJobs'>): MetricReadings {
  return {
    pendingSyncUsers: () => store.syncs.totalPending(),
    activeSyncs: async () => (await store.syncs.listActive()).length,
    async unfinishedExports() {
      const counts: Record<string, number> = {};
      for (const job of await store.exportJobs.unfinished()) {
        counts[job.status] = (counts[job.status] ?? 0) + 1;
      }
      return counts;
    },
  };
}
