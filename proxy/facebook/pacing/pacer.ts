import { parseUsageHeaders } from './usage-headers.ts';

/**
 * Paces Graph calls per ad account so the relay slows down before Meta says no, and stops
 * for as long as Meta says when it does (reference §7.3).
 *
 * The curve. Each answer's usage headers give a percentage per quota; the pacer keeps the
 * newest reading per ad account (the highest of `X-Business-Use-Case-Usage` for that account
 * and `X-Ad-Account-Usage`) and spaces calls to that account by
 *
 *     delay = 0                                  below `slowFrom` % (75)
 *     delay = maxDelay × ((u − slowFrom) / (100 − slowFrom))²   from `slowFrom` % up to 100 %
 *
 * so 80 % waits 2.4 s between calls, 90 % 21.6 s, 99 % 55 s and 100 % a minute (with the
 * defaults): gentle at first, steep near the limit, where one call too many costs a
 * throttle. A reading older than `staleAfterMs` no longer slows anything: the quota is a
 * rolling hour, and the next answer brings a fresh one.
 *
 * Throttles. A positive `estimated_time_to_regain_access` (minutes) in an answer pauses the
 * account until then. A throttling error without one (codes 4, 17, 613, …) pauses it for
 * `fallbackPauseMs`, doubling with each throttle in a row up to `maxFallbackPauseMs`; any
 * answer that was not a throttle ends the streak.
 *
 * Calls that concern no ad account (`/me`, `debug_token`) are paced the same way on the
 * app's own readings (`X-App-Usage`): Marketing API calls are excluded from the app's
 * platform limit (reference §7.1), so the two never slow each other.
 */
export interface Pacer {
  /** Resolves when a call for `adAccountId` (none: an app-level call) may go out. */
  ready(adAccountId?: string): Promise<void>;
  /** Learns from an answer's headers; `throttled` when the answer was a throttling error. */
  observe(
    adAccountId: string | undefined,
    headers: Headers,
    outcome?: { throttled?: boolean },
  ): void;
  /** Until when Meta asked the account (none: the app) to wait; undefined when it may call now. */
  pausedUntil(adAccountId?: string): Date | undefined;
}

export interface PacerOptions {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  slowFrom?: number;
  maxDelayMs?: number;
  staleAfterMs?: number;
  fallbackPauseMs?: number;
  maxFallbackPauseMs?: number;
}

interface PaceState {
  percent: number;
  observedAt: number;
  pausedUntil: number;
  /** When the latest call was let through (or is booked to be). */
  lastStart: number;
  throttleStreak: number;
}

const MINUTE_MS = 60_000;
const APP = 'app';

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer({
  now = () => new Date(),
  sleep = sleepFor,
  slowFrom = 75,
  maxDelayMs = MINUTE_MS,
  staleAfterMs = 15 * MINUTE_MS,
  fallbackPauseMs = MINUTE_MS,
  maxFallbackPauseMs = 60 * MINUTE_MS,
}: PacerOptions = {}): Pacer {
  const states = new Map<string, PaceState>();
  const keyOf = (adAccountId?: string) =>
    adAccountId ? `act_${adAccountId.replace(/^act_/, '')}` : APP;
  const stateOf = (key: string) => {
    let state = states.get(key);
    if (!state) {
      state = {
        percent: 0,
        observedAt: Number.NEGATIVE_INFINITY,
        pausedUntil: 0,
        lastStart: Number.NEGATIVE_INFINITY,
        throttleStreak: 0,
      };
      states.set(key, state);
    }
    return state;
  };
  const delayOf = (state: PaceState, at: number) => {
    if (at - state.observedAt > staleAfterMs || state.percent < slowFrom) return 0;
    const share = Math.min(1, (state.percent - slowFrom) / (100 - slowFrom));
    return Math.round(maxDelayMs * share * share);
  };
  const read = (key: string, percent: number, at: number) => {
    const state = stateOf(key);
    state.percent = percent;
    state.observedAt = at;
    return state;
  };

  return {
    async ready(adAccountId) {
      const state = stateOf(keyOf(adAccountId));
      for (;;) {
        const at = now().getTime();
        const start = Math.max(at, state.pausedUntil, state.lastStart + delayOf(state, at));
        // Booked before sleeping, so calls waiting together go out spaced, not at once.
        state.lastStart = start;
        if (start > at) await sleep(start - at);
        // A throttle may have arrived while this call waited.
        if (state.pausedUntil <= now().getTime()) return;
      }
    },
    observe(adAccountId, headers, { throttled = false } = {}) {
      const at = now().getTime();
      const usage = parseUsageHeaders(headers);
      for (const [id, reading] of usage.businessUseCase) {
        const state = read(keyOf(id), reading.percent, at);
        if (reading.regainMinutes > 0) {
          state.pausedUntil = Math.max(state.pausedUntil, at + reading.regainMinutes * MINUTE_MS);
        }
      }
      const key = keyOf(adAccountId);
      if (adAccountId && usage.adAccountPercent !== undefined) {
        const account = usage.businessUseCase.get(keyOf(adAccountId).slice('act_'.length));
        read(key, Math.max(usage.adAccountPercent, account?.percent ?? 0), at);
      }
      if (usage.appPercent !== undefined) read(APP, usage.appPercent, at);
      const state = stateOf(key);
      if (!throttled) {
        state.throttleStreak = 0;
        return;
      }
      state.throttleStreak += 1;
      if (state.pausedUntil <= at) {
        const pause = fallbackPauseMs * 2 ** (state.throttleStreak - 1);
        state.pausedUntil = at + Math.min(maxFallbackPauseMs, pause);
      }
    },
    pausedUntil(adAccountId) {
      const until = states.get(keyOf(adAccountId))?.pausedUntil ?? 0;
      return until > now().getTime() ? new Date(until) : undefined;
    },
  };
}
