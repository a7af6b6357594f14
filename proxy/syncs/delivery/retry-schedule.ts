/** How long delivery waits between attempts while failing. */
export interface RetryDelays {
  /** The first wait (the flush interval, 5 s by default). */
  minDelayMs: number;
  /** The longest wait, so a recovered Facebook is noticed soon enough. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_DELAYS: RetryDelays = { minDelayMs: 5000, maxDelayMs: 15 * 60_000 };

export interface NextAttempt {
  now: Date;
  /** When this run of failures began. */
  failingSince: Date;
  /** Until when Meta asked the ad account to wait (`estimated_time_to_regain_access`), if it did. */
  pausedUntil?: Date | undefined;
  delays?: RetryDelays;
  /** In [0, 1): the jitter. */
  random?: () => number;
}

/**
 * When to try again: wait about as long as delivery has been failing (so waits double:
 * 5 s, 5 s, 10 s, 20 s … up to `maxDelayMs`, from the stored `failingSince` alone, which
 * survives a restart), with jitter over the upper half so syncs that failed together spread
 * out; and never before Meta's own estimate of when the account regains access.
 */
export function nextAttemptAt({
  now,
  failingSince,
  pausedUntil,
  delays = DEFAULT_RETRY_DELAYS,
  random = Math.random,
}: NextAttempt): Date {
  const failingFor = now.getTime() - failingSince.getTime();
  const step = Math.min(delays.maxDelayMs, Math.max(delays.minDelayMs, failingFor));
  const backoff = now.getTime() + Math.round(step / 2 + (step / 2) * random());
  return new Date(Math.max(backoff, pausedUntil?.getTime() ?? 0));
}

/**
 * Which users give up: once delivery has kept failing for longer than the retry window,
 * every user queued more than the window ago, so each user gets the whole window of
 * retries (a user who arrived during the failures waits until the window after their own
 * arrival). Undefined while the failures are younger than the window. A delivered batch
 * ends the run of failures and starts the count again.
 */
export function giveUpCutoff(
  now: Date,
  failingSince: Date,
  retryWindowMs: number,
): Date | undefined {
  const cutoff = new Date(now.getTime() - retryWindowMs);
  return failingSince.getTime() <= cutoff.getTime() ? cutoff : undefined;
}
