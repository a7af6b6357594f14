import { afterEach } from 'vitest';
import type {
  WorkspaceGraph,
  WorkspaceGraphRequest,
  WorkspaceGraphs,
} from '../../../../../proxy/facebook/connection/workspace-graph.ts';
import { createLogger } from '../../../../../proxy/log.ts';
import type { DeliveryMetrics } from '../../../../../proxy/metrics/relay-metrics.ts';
import { openSqliteStore } from '../../../../../proxy/store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from '../../../../../proxy/store/store.ts';
import type { SyncRecord } from '../../../../../proxy/store/syncs.ts';
import {
  createSyncFlush,
  type SyncFlushDeps,
} from '../../../../../proxy/syncs/delivery/flush-sync.ts';
import { manualClock } from '../../../../support/manual-clock.ts';
import { activeSync } from '../../../../support/sync-records.ts';
import { removeTempDirs, tempDir } from '../../../../support/temp-dirs.ts';

const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeTempDirs();
});

/** What a scripted Graph call does: answer with this body, or throw this error. */
export type Scripted = object | Error;

/**
 * A real SQLite store holding one active sync, a fake Graph that records each call and plays
 * scripted answers (then succeeds), and the flush under test on a manual clock.
 */
export async function flushFixture(
  sync: Partial<SyncRecord> = {},
  options: Partial<Pick<SyncFlushDeps, 'retryWindowMs' | 'maxRows'>> = {},
) {
  const clock = manualClock();
  const store = openSqliteStore({ dataDir: tempDir() });
  stores.push(store);
  await store.workspaces.create({ id: 'ws_a', name: 'Acme', createdAt: clock.now() });
  await store.syncs.create(activeSync(sync));

  const calls: WorkspaceGraphRequest[] = [];
  const script: Scripted[] = [];
  const during: (() => Promise<void>)[] = [];
  let refusal: Error | undefined;
  const graph: WorkspaceGraph = {
    tokenKind: 'system_user',
    async request<T>(call: WorkspaceGraphRequest): Promise<T> {
      calls.push(call);
      await during.shift()?.();
      const next = script.shift();
      if (next instanceof Error) throw next;
      return (next ?? { num_received: 1, num_invalid_entries: 0 }) as T;
    },
    items: () => {
      throw new Error('not used');
    },
  };
  const graphs: WorkspaceGraphs = {
    async for() {
      if (refusal) throw refusal;
      return graph;
    },
  };
  const pause = { until: undefined as Date | undefined };
  const recorded = { batches: [] as string[], synced: 0, givenUp: 0 };
  const metrics: DeliveryMetrics = {
    batchSent: (action) => recorded.batches.push(action),
    usersSynced: (count) => {
      recorded.synced += count;
    },
    usersGivenUp: (count) => {
      recorded.givenUp += count;
    },
  };
  let sessions = 0;
  const logLines: string[] = [];
  const flush = createSyncFlush({
    syncs: store.syncs,
    graphs,
    pacer: { pausedUntil: () => pause.until },
    logger: createLogger({ write: (line) => logLines.push(line) }),
    metrics,
    now: clock.now,
    random: () => 0.5,
    newSessionId: () => String(++sessions),
    ...options,
  });
  const current = async () => {
    const found = await store.syncs.get('ws_a', 'sync_1');
    if (!found) throw new Error('the sync is gone');
    return found;
  };
  return {
    store,
    clock,
    calls,
    metrics: recorded,
    logLines,
    pause,
    current,
    /** Answers (or errors) for the next Graph calls, in order. */
    script: (...answers: Scripted[]) => script.push(...answers),
    /** Work done while the next Graph call is in flight. */
    during: (work: () => Promise<void>) => during.push(work),
    refuseGraph: (error: Error | undefined) => {
      refusal = error;
    },
    enqueue: (users: string[][][], at = clock.now()) => store.syncs.enqueue('sync_1', users, 0, at),
    /** One flush of the sync as the store has it now. */
    flush: async (signal = new AbortController().signal) => flush(await current(), signal),
  };
}
