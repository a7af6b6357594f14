import { describe, expect, it } from 'vitest';
import {
  BRAZE_DASHBOARD_MATCHES,
  dashboardMatches,
  SANDBOX_DASHBOARD_MATCHES,
  sandboxAllowed,
} from '../../../../extension/segment-page/dashboard-hosts.ts';

describe('dashboard match patterns', () => {
  it('keep production builds off loopback', () => {
    expect(sandboxAllowed('production')).toBe(false);
    expect(dashboardMatches('production')).toEqual(BRAZE_DASHBOARD_MATCHES);
  });

  it.each(['development', 'test'])('let %s builds act on the sandbox too', (mode) => {
    expect(sandboxAllowed(mode)).toBe(true);
    expect(dashboardMatches(mode)).toEqual([
      ...BRAZE_DASHBOARD_MATCHES,
      ...SANDBOX_DASHBOARD_MATCHES,
    ]);
  });
});
