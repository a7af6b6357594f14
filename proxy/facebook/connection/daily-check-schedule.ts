import type { Logger } from '../../log.ts';

/** What scheduling needs of the platform's timers, injected so tests need no fake globals. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduleOptions {
  run: () => Promise<void>;
  logger: Logger;
  /** Meta's Login Security page asks for token checks "at least daily" (reference §1.7). */
  intervalMs?: number;
  /** Soon after start-up too, so a relay that restarts often still checks. */
  firstRunAfterMs?: number;
  timers?: Timers;
}

/**
 * Runs `run` soon after start and then every `intervalMs`, one run at a time (the next is
 * armed when the previous ends). `stop()` cancels what is armed and waits for a run in flight.
 */
export function scheduleDailyChecks({
  run,
  logger,
  intervalMs = DAY_MS,
  firstRunAfterMs = 60_000,
  timers = globalTimers,
}: ScheduleOptions): { stop(): Promise<void> } {
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> | undefined;
  const arm = (ms: number) => {
    handle = timers.setTimeout(() => {
      running = run()
        .catch((error: unknown) => logger.error('scheduled Facebook check failed', { error }))
        .finally(() => {
          running = undefined;
          if (!stopped) arm(intervalMs);
        });
    }, ms);
  };
  arm(firstRunAfterMs);
  return {
    async stop() {
      stopped = true;
      timers.clearTimeout(handle);
      await running;
    },
  };
}
