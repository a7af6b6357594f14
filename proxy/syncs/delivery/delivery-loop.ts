import type { Logger } from '../../log.ts';
import type { Timers } from '../../schedule/repeat.ts';
import type { SyncRecord, SyncRepository } from '../../store/syncs.ts';
import type { SyncFlush } from './flush-sync.ts';

export interface DeliveryLoopOptions {
  syncs: Pick<SyncRepository, 'listActive'>;
  flush: SyncFlush;
  logger: Logger;
  /** Braze sends "as many users as possible every 5 seconds". */
  intervalMs?: number;
  now?: () => Date;
  timers?: Timers;
}

export interface DeliveryLoop {
  /** Arms the first tick `intervalMs` from now, then one every `intervalMs` after each. */
  start(): void;
  /** Starts a flush for every active sync that is due and not already flushing. */
  tick(): Promise<void>;
  /** Resolves when no flush is in flight. */
  idle(): Promise<void>;
  /** Stops ticking and abandons flushes in flight (safe: the queue is the truth), awaiting them. */
  close(): Promise<void>;
}

const globalTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const isDue = (sync: SyncRecord, at: Date) =>
  sync.retryAfter === null || sync.retryAfter.getTime() <= at.getTime();

/**
 * The delivery loop: every `intervalMs`, each active sync whose `retryAfter` has passed gets
 * a flush. Flushes run side by side (one sync's throttled ad account must not hold back
 * another's), but never two of one sync: a sync still flushing is skipped until it is done.
 */
export function createDeliveryLoop({
  syncs,
  flush,
  logger,
  intervalMs = 5000,
  now = () => new Date(),
  timers = globalTimers,
}: DeliveryLoopOptions): DeliveryLoop {
  const flushing = new Map<string, Promise<void>>();
  const stop = new AbortController();
  let handle: unknown;

  const tick = async () => {
    if (stop.signal.aborted) return;
    const at = now();
    for (const sync of await syncs.listActive()) {
      if (flushing.has(sync.id) || !isDue(sync, at)) continue;
      const done = flush(sync, stop.signal)
        .catch((error: unknown) => logger.error('sync flush failed', { syncId: sync.id, error }))
        .finally(() => flushing.delete(sync.id));
      flushing.set(sync.id, done);
    }
  };

  const arm = () => {
    handle = timers.setTimeout(() => {
      tick()
        .catch((error: unknown) => logger.error('sync delivery tick failed', { error }))
        .finally(() => {
          if (!stop.signal.aborted) arm();
        });
    }, intervalMs);
  };

  const idle = async () => {
    while (flushing.size > 0) await Promise.allSettled([...flushing.values()]);
  };

  return {
    start: arm,
    tick,
    idle,
    async close() {
      stop.abort(new Error('the relay is shutting down'));
      timers.clearTimeout(handle);
      await idle();
    },
  };
}
