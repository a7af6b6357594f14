import type { Logger } from '../../log.ts';
import { type Repeating, repeat, type Timers } from '../../schedule/repeat.ts';

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

/** Checks the Facebook connections soon after start and then daily (see `repeat`). */
export function scheduleDailyChecks({
  intervalMs = DAY_MS,
  firstRunAfterMs = 60_000,
  ...options
}: ScheduleOptions): Repeating {
  return repeat({ name: 'scheduled Facebook check', intervalMs, firstRunAfterMs, ...options });
}
