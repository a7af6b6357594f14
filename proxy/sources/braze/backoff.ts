/** Exponential backoff: `baseMs` doubled per attempt, capped at `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/**
 * The pause before retry number `attempt` (0 for the first retry): exponential, capped, with
 * "equal jitter" (half fixed, half random) so that relays retrying together spread out while
 * each still waits at least half the nominal pause.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: Backoff, random: () => number) {
  const nominal = Math.min(maxMs, baseMs * 2 ** attempt);
  return nominal / 2 + (nominal / 2) * random();
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
