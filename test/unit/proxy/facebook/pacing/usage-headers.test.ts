import { describe, expect, it } from 'vitest';
import { parseUsageHeaders } from '../../../../../proxy/facebook/pacing/usage-headers.ts';

describe('parseUsageHeaders', () => {
  it('reads the three usage headers of reference §7.2', () => {
    const usage = parseUsageHeaders(
      new Headers({
        'X-Business-Use-Case-Usage': JSON.stringify({
          '1234567890': [
            {
              type: 'custom_audience',
              call_count: 100,
              total_cputime: 25,
              total_time: 25,
              estimated_time_to_regain_access: 19,
            },
          ],
          '66782684': [
            {
              type: 'ads_management',
              call_count: 95,
              total_cputime: 20,
              total_time: 97,
              estimated_time_to_regain_access: 0,
              ads_api_access_tier: 'development_access',
            },
            { type: 'custom_audience', call_count: 3, total_cputime: 1, total_time: 1 },
          ],
        }),
        'x-ad-account-usage': JSON.stringify({
          acc_id_util_pct: 9.67,
          reset_time_duration: 100,
          ads_api_access_tier: 'standard_access',
        }),
        'x-app-usage': JSON.stringify({ call_count: 28, total_time: 25, total_cputime: 31 }),
      }),
    );
    expect(Object.fromEntries(usage.businessUseCase)).toEqual({
      '1234567890': { percent: 100, regainMinutes: 19 },
      '66782684': { percent: 97, regainMinutes: 0 },
    });
    expect(usage.adAccountPercent).toBe(9.67);
    expect(usage.appPercent).toBe(31);
  });

  it('ignores missing and malformed headers', () => {
    expect(parseUsageHeaders(new Headers())).toEqual({ businessUseCase: new Map() });
    const usage = parseUsageHeaders(
      new Headers({
        'x-business-use-case-usage': '{not json',
        'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 'lots' }),
        'x-app-usage': JSON.stringify([1, 2]),
      }),
    );
    expect(usage).toEqual({ businessUseCase: new Map() });
    const odd = parseUsageHeaders(
      new Headers({
        'x-business-use-case-usage': JSON.stringify({ act_7: 'nope', '8': [{ type: 'x' }] }),
      }),
    );
    expect(odd.businessUseCase.size).toBe(0);
  });

  it('keys accounts without the act_ prefix', () => {
    const usage = parseUsageHeaders(
      new Headers({
        'x-business-use-case-usage': JSON.stringify({ act_42: [{ call_count: '12' }] }),
      }),
    );
    expect(usage.businessUseCase.get('42')).toEqual({ percent: 12, regainMinutes: 0 });
  });
});
