import type { Logger } from '../log.ts';

/** What scheduling needs of the platform's timers, injected so tests need no fake globals. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RepeatOptions {
  run: () => Promise<void>;
  /** Names the work in the log when a run fails. */
  name: string;
  logger: Logger;
  intervalMs: number;
  firstRunAfterMs: number;
  timers?: Timers;
}

/** A schedule that can be stopped. */
export interface Repeating {
  /** Cancels what is armed and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * Runs `run` after `firstRunAfterMs` and then every `intervalMs`, one run at a time (the next
 * is armed when the previous ends); a failed run is logged and the schedule goes on.
 */
export function repeat({
  run,
  name,
  logger,
  intervalMs,
  firstRunAfterMs,
  timers = globalTimers,
}: RepeatOptions): Repeating {
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> | undefined;
  const arm = (ms: number) => {
    handle = timers.setTimeout(() => {
      running = run()
        .catch((error: unknown) => logger.error(`${name} failed`, { error }))
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
