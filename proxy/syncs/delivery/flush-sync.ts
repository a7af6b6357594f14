import { randomInt } from 'node:crypto';
import { MAX_BATCH_ROWS } from '../../exports/batches/batch-rows.ts';
import type { WorkspaceGraphs } from '../../facebook/connection/workspace-graph.ts';
import type { Pacer } from '../../facebook/pacing/pacer.ts';
import type { Logger } from '../../log.ts';
import type { DeliveryMetrics } from '../../metrics/relay-metrics.ts';
import type { SyncRecord, SyncRepository } from '../../store/syncs.ts';
import { abortable } from './abortable.ts';
import { classifyDeliveryFailure } from './delivery-failure.ts';
import {
  DEFAULT_RETRY_DELAYS,
  giveUpCutoff,
  nextAttemptAt,
  type RetryDelays,
} from './retry-schedule.ts';
import { type DeliveryTarget, sendUsers } from './send-users.ts';

export interface SyncFlushDeps {
  syncs: SyncRepository;
  graphs: WorkspaceGraphs;
  pacer: Pick<Pacer, 'pausedUntil'>;
  logger: Logger;
  metrics?: DeliveryMetrics;
  /** How long throttled and transient failures are retried before users count as errored. */
  retryWindowMs?: number;
  retryDelays?: RetryDelays;
  /** Rows a request carries at most (Meta: 10,000). */
  maxRows?: number;
  now?: () => Date;
  random?: () => number;
  newSessionId?: () => string;
}

/** Sends one sync's queue to Facebook; never throws (failures become the sync's state). */
export type SyncFlush = (sync: SyncRecord, signal: AbortSignal) => Promise<void>;

const DEFAULT_RETRY_WINDOW_MS = 13 * 60 * 60 * 1000;

const targetOf = (sync: SyncRecord): DeliveryTarget | undefined =>
  sync.adAccountId && sync.facebookAudienceId && sync.fields.length > 0
    ? {
        adAccountId: sync.adAccountId,
        facebookAudienceId: sync.facebookAudienceId,
        action: sync.action,
        fields: sync.fields,
      }
    : undefined;

/**
 * One flush: the users queued when it starts, oldest first, in requests of at most
 * `maxRows` rows, each acknowledged (removed from the queue and counted synced, in one
 * transaction) once Meta answered. Users who arrive meanwhile wait for the next flush. The
 * queue is the truth: a crash between Meta's answer and the acknowledgement re-sends those
 * users at the next start, and they are counted once, when acknowledged.
 */
export function createSyncFlush({
  syncs,
  graphs,
  pacer,
  logger,
  metrics,
  retryWindowMs = DEFAULT_RETRY_WINDOW_MS,
  retryDelays = DEFAULT_RETRY_DELAYS,
  maxRows = MAX_BATCH_ROWS,
  now = () => new Date(),
  random = Math.random,
  newSessionId = () => String(randomInt(1, 2 ** 47)),
}: SyncFlushDeps): SyncFlush {
  /** `sync` is this flush's copy: its failure state is kept current as batches go through. */
  async function deliver(sync: SyncRecord, target: DeliveryTarget, signal: AbortSignal) {
    const graph = await abortable(graphs.for(sync.workspaceId), signal);
    let left = await syncs.pendingCount(sync.id);
    while (left > 0) {
      const users = await syncs.peekBatch(sync.id, maxRows);
      if (users.length === 0) return;
      const rows = users.flatMap((user) => user.rows);
      await abortable(sendUsers(graph, target, rows, newSessionId()), signal);
      metrics?.batchSent(target.action);
      const ids = users.map((user) => user.id);
      metrics?.usersSynced(await syncs.acknowledge(sync.id, ids, now()));
      if (sync.failingSince || sync.retryAfter) {
        await syncs.update(
          sync.workspaceId,
          sync.id,
          { failingSince: null, retryAfter: null },
          now(),
        );
        Object.assign(sync, { failingSince: null, retryAfter: null });
      }
      left -= users.length;
      // Paused, errored or deleted meanwhile (by an admin): stop between batches.
      if (left > 0 && (await syncs.get(sync.workspaceId, sync.id))?.status !== 'active') return;
    }
  }

  async function recordFailure(sync: SyncRecord, error: unknown) {
    const failure = classifyDeliveryFailure(error);
    const at = now();
    const fields = { syncId: sync.id, workspaceId: sync.workspaceId, code: failure.code };
    if (failure.kind === 'stop') {
      logger.warn('sync stopped: Facebook refused its delivery until someone acts', fields);
      await syncs.update(
        sync.workspaceId,
        sync.id,
        {
          status: 'errored',
          error: { code: failure.code, message: failure.message },
          retryAfter: null,
          failingSince: null,
        },
        at,
      );
      return;
    }
    if (failure.code === 'unexpected') logger.error('sync delivery failed', { ...fields, error });
    const failingSince = sync.failingSince ?? at;
    const retryAfter = nextAttemptAt({
      now: at,
      failingSince,
      pausedUntil: sync.adAccountId ? pacer.pausedUntil(sync.adAccountId) : undefined,
      delays: retryDelays,
      random,
    });
    await syncs.update(sync.workspaceId, sync.id, { failingSince, retryAfter }, at);
    logger.info('sync delivery will retry', { ...fields, retryAfter: retryAfter.toISOString() });
    const cutoff = giveUpCutoff(at, failingSince, retryWindowMs);
    if (!cutoff) return;
    const givenUp = await syncs.giveUp(sync.id, cutoff, at);
    if (givenUp > 0) {
      metrics?.usersGivenUp(givenUp);
      logger.warn('sync users given up after the retry window', { ...fields, count: givenUp });
    }
  }

  const skipped = new Set<string>();
  return async (listed, signal) => {
    const sync = { ...listed };
    const target = targetOf(sync);
    if (!target) {
      // Launch sets both; say it once, not every few seconds.
      if (!skipped.has(sync.id)) {
        logger.error('active sync has no audience or fields to deliver to; skipped', {
          syncId: sync.id,
        });
      }
      skipped.add(sync.id);
      return;
    }
    try {
      await deliver(sync, target, signal);
    } catch (error) {
      // Abandoned at shutdown: nothing acknowledged is lost, the rest goes at the next start.
      if (signal.aborted) return;
      await recordFailure(sync, error);
    }
  };
}
