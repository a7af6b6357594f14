import { describe, expect, it } from 'vitest';
import {
  adAccountUsageHeader,
  appUsageHeader,
  businessUseCaseUsageHeader,
  devTierQuota,
  RateLimiter,
  RollingWindow,
  WINDOW_MS,
  workUnits,
} from '../../../../sandbox/graph/rate-limit.ts';

const MINUTE = 60_000;

describe('quota maths', () => {
  it('follows the Dev tier formula, capped at 700,000', () => {
    expect(devTierQuota(0)).toBe(5000);
    expect(devTierQuota(10)).toBe(5400);
    expect(devTierQuota(1_000_000)).toBe(700_000);
  });

  it('charges one work unit per call plus one per thousand rows', () => {
    expect(workUnits(0)).toBe(1);
    expect(workUnits(10_000)).toBe(11);
    expect(workUnits(500)).toBe(1.5);
  });
});

describe('RollingWindow', () => {
  it('reports whole-number percentages of the quota', () => {
    const window = new RollingWindow();
    window.add({ at: 0, calls: 1, work: 3 });
    window.add({ at: MINUTE, calls: 1, work: 1 });
    expect(window.usage(MINUTE, 3)).toEqual({
      callCount: 66,
      totalCputime: 100,
      totalTime: 100,
      estimatedTimeToRegainAccess: 59,
    });
  });

  it('forgets samples older than an hour', () => {
    const window = new RollingWindow();
    window.add({ at: 0, calls: 5, work: 5 });
    window.add({ at: 30 * MINUTE, calls: 1, work: 1 });
    expect(window.totals(WINDOW_MS - 1)).toEqual({ calls: 6, work: 6 });
    expect(window.totals(WINDOW_MS)).toEqual({ calls: 1, work: 1 });
    expect(window.samples).toHaveLength(1);
  });

  it('estimates the minutes until the oldest calls leave the window', () => {
    const window = new RollingWindow();
    for (let minute = 0; minute < 4; minute++)
      window.add({ at: minute * MINUTE, calls: 1, work: 1 });
    // 4 calls, quota 3 (throttled at 100 %): below it once the calls of minutes 0 and 1
    // have left, at minute 61.
    expect(window.usage(10 * MINUTE, 3).estimatedTimeToRegainAccess).toBe(51);
    expect(window.usage(10 * MINUTE, 5).estimatedTimeToRegainAccess).toBe(0);
    // Never less than a minute while throttled.
    expect(window.usage(61 * MINUTE - 1000, 3).estimatedTimeToRegainAccess).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('refuses once the quota is spent, and counts refused calls as bare calls', () => {
    const limiter = new RateLimiter();
    expect(limiter.charge('1', 2, 0).throttled).toBe(false);
    expect(limiter.charge('1', 2, 0).throttled).toBe(false);
    const refused = limiter.charge('1', 2, MINUTE);
    expect(refused.throttled).toBe(true);
    expect(refused.usage.callCount).toBe(100);
    // Another account is untouched.
    expect(limiter.charge('2', 2, MINUTE).throttled).toBe(false);
    // Calls at 0, 0 and 1 min: the two of minute 0 leave at 60 min.
    expect(limiter.charge('1', 2, 60 * MINUTE).throttled).toBe(false);
  });

  it('adds the rows of an upload as work', () => {
    const limiter = new RateLimiter();
    limiter.charge('1', 100, 0);
    limiter.addRows('1', 10_000, 0);
    expect(limiter.usage('1', 100, 0)).toMatchObject({ callCount: 1, totalCputime: 11 });
  });

  it('prefers an account quota over the default over the formula', () => {
    const limiter = new RateLimiter();
    expect(limiter.quotaFor('1', 2)).toBe(5080);
    limiter.defaultQuota = 50;
    expect(limiter.quotaFor('1', 2)).toBe(50);
    limiter.accountQuota.set('1', 7);
    expect(limiter.quotaFor('1', 2)).toBe(7);
  });

  it('tells when the window empties', () => {
    const limiter = new RateLimiter();
    expect(limiter.secondsToReset('1', 0)).toBe(0);
    limiter.charge('1', 10, 0);
    limiter.charge('1', 10, 10 * MINUTE);
    expect(limiter.secondsToReset('1', 20 * MINUTE)).toBe(50 * 60);
  });
});

describe('usage headers (reference §7.2)', () => {
  const usage = { callCount: 28, totalCputime: 25, totalTime: 25, estimatedTimeToRegainAccess: 0 };

  it('keys X-Business-Use-Case-Usage by the account id without act_', () => {
    expect(JSON.parse(businessUseCaseUsageHeader('123', usage))).toEqual({
      '123': [
        {
          type: 'custom_audience',
          call_count: 28,
          total_cputime: 25,
          total_time: 25,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
  });

  it('writes X-Ad-Account-Usage and X-App-Usage', () => {
    expect(JSON.parse(adAccountUsageHeader(usage, 100))).toEqual({
      acc_id_util_pct: 28,
      reset_time_duration: 100,
      ads_api_access_tier: 'development_access',
    });
    expect(JSON.parse(appUsageHeader(usage))).toEqual({
      call_count: 28,
      total_time: 25,
      total_cputime: 25,
    });
  });
});
