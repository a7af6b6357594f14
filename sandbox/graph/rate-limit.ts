/**
 * Business-use-case quota maths for the `custom_audience` type (reference §7): a rolling
 * one-hour window per ad account, three meters in percent, throttled when any reaches 100.
 *
 * Cost model (ours; Meta does not publish one beyond "one /users request = 1 call"):
 * - every custom-audience call counts 1 toward `call_count`;
 * - `total_cputime` and `total_time` count work units: 1 per call plus 1 per 1,000 rows
 *   uploaded (a full 10,000-row /users batch = 11 units), against a budget equal to the call
 *   quota, so bulk uploads run out of CPU time before they run out of calls;
 * - a call refused for throttling still counts 1 call (Meta: "continuing to make calls will
 *   continue to increase your call count").
 */

export const WINDOW_MS = 60 * 60 * 1000;
export const ROWS_PER_WORK_UNIT = 1000;

/** Limited/Dev tier: `5000 + 40 × active custom audiences` (never above 700,000). */
export function devTierQuota(activeAudiences: number): number {
  return Math.min(700_000, 5000 + 40 * activeAudiences);
}

export function workUnits(rows: number): number {
  return 1 + rows / ROWS_PER_WORK_UNIT;
}

export interface UsageSample {
  at: number;
  calls: number;
  work: number;
}

export interface Usage {
  /** Whole-number percentages, as in `X-Business-Use-Case-Usage`. */
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** Minutes until calls are accepted again; 0 when not throttled. */
  estimatedTimeToRegainAccess: number;
}

/** The samples of one ad account; old ones fall out of the window as time passes. */
export class RollingWindow {
  samples: UsageSample[] = [];

  add(sample: UsageSample): void {
    this.samples.push(sample);
  }

  prune(now: number): void {
    const from = now - WINDOW_MS;
    let drop = 0;
    while (drop < this.samples.length && (this.samples[drop]?.at ?? 0) <= from) drop++;
    if (drop) this.samples.splice(0, drop);
  }

  totals(now: number): { calls: number; work: number } {
    this.prune(now);
    let calls = 0;
    let work = 0;
    for (const sample of this.samples) {
      calls += sample.calls;
      work += sample.work;
    }
    return { calls, work };
  }

  usage(now: number, quota: number): Usage {
    const { calls, work } = this.totals(now);
    const callCount = percent(calls, quota);
    const cpu = percent(work, quota);
    return {
      callCount,
      totalCputime: cpu,
      totalTime: cpu,
      estimatedTimeToRegainAccess:
        callCount >= 100 || cpu >= 100 ? this.minutesToRegain(now, quota, calls, work) : 0,
    };
  }

  /** Walks the oldest samples out of the window until both meters are below 100 %. */
  private minutesToRegain(now: number, quota: number, calls: number, work: number): number {
    let leftCalls = calls;
    let leftWork = work;
    for (const sample of this.samples) {
      leftCalls -= sample.calls;
      leftWork -= sample.work;
      if (leftCalls < quota && leftWork < quota) {
        return Math.max(1, Math.ceil((sample.at + WINDOW_MS - now) / 60_000));
      }
    }
    return 60;
  }
}

const percent = (used: number, quota: number) =>
  quota <= 0 ? 100 : Math.min(100, Math.floor((used / quota) * 100));

export interface ChargeResult {
  throttled: boolean;
  usage: Usage;
}

/** Generous by default: Meta's is 200 × daily active users, which a test world can't show. */
export const DEFAULT_APP_CALLS_PER_HOUR = 10_000;

/**
 * Per-ad-account `custom_audience` windows and per-app platform windows, with their quotas
 * (a configured number, or the Dev tier formula).
 */
export class RateLimiter {
  /** Calls per hour for every ad account; undefined = the Dev tier formula. */
  defaultQuota: number | undefined;
  readonly accountQuota = new Map<string, number>();
  appCallsPerHour = DEFAULT_APP_CALLS_PER_HOUR;
  private readonly accounts = new Map<string, RollingWindow>();
  private readonly apps = new Map<string, RollingWindow>();

  quotaFor(accountId: string, activeAudiences: number): number {
    return this.accountQuota.get(accountId) ?? this.defaultQuota ?? devTierQuota(activeAudiences);
  }

  /** Counts one call; refused (and counted as a bare call) when the account is throttled. */
  charge(accountId: string, quota: number, now: number): ChargeResult {
    const window = windowOf(this.accounts, accountId);
    if (window.usage(now, quota).estimatedTimeToRegainAccess > 0) {
      window.add({ at: now, calls: 1, work: 0 });
      return { throttled: true, usage: window.usage(now, quota) };
    }
    window.add({ at: now, calls: 1, work: 1 });
    return { throttled: false, usage: window.usage(now, quota) };
  }

  /** Extra work units for the rows of an upload that was charged already. */
  addRows(accountId: string, rows: number, now: number): void {
    windowOf(this.accounts, accountId).add({ at: now, calls: 0, work: workUnits(rows) - 1 });
  }

  usage(accountId: string, quota: number, now: number): Usage {
    return windowOf(this.accounts, accountId).usage(now, quota);
  }

  /** Seconds until the account's window is empty again (`reset_time_duration`). */
  secondsToReset(accountId: string, now: number): number {
    const window = windowOf(this.accounts, accountId);
    window.prune(now);
    const last = window.samples[window.samples.length - 1];
    return last ? Math.ceil((last.at + WINDOW_MS - now) / 1000) : 0;
  }

  appUsage(appId: string, now: number): Usage {
    return windowOf(this.apps, appId).usage(now, this.appCallsPerHour);
  }

  chargeApp(appId: string, now: number): ChargeResult {
    const window = windowOf(this.apps, appId);
    const throttled = window.usage(now, this.appCallsPerHour).estimatedTimeToRegainAccess > 0;
    window.add({ at: now, calls: 1, work: throttled ? 0 : 1 });
    return { throttled, usage: window.usage(now, this.appCallsPerHour) };
  }
}

function windowOf(windows: Map<string, RollingWindow>, id: string): RollingWindow {
  let window = windows.get(id);
  if (!window) {
    window = new RollingWindow();
    windows.set(id, window);
  }
  return window;
}

// --- headers (reference §7.2) ------------------------------------------------------------

/** `X-Business-Use-Case-Usage`, keyed by the ad account id without `act_`. */
export function businessUseCaseUsageHeader(accountId: string, usage: Usage): string {
  return JSON.stringify({
    [accountId]: [
      {
        type: 'custom_audience',
        call_count: usage.callCount,
        total_cputime: usage.totalCputime,
        total_time: usage.totalTime,
        estimated_time_to_regain_access: usage.estimatedTimeToRegainAccess,
      },
    ],
  });
}

export function adAccountUsageHeader(usage: Usage, resetSeconds: number): string {
  return JSON.stringify({
    acc_id_util_pct: Math.max(usage.callCount, usage.totalCputime),
    reset_time_duration: resetSeconds,
    ads_api_access_tier: 'development_access',
  });
}

export function appUsageHeader(usage: Usage): string {
  return JSON.stringify({
    call_count: usage.callCount,
    total_time: usage.totalTime,
    total_cputime: usage.totalCputime,
  });
}
