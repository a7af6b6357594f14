import { describe, expect, it } from 'vitest';
import {
  availableAdAccountView,
  connectedAdAccountView,
  tokenStatusView,
} from '../../../../../proxy/facebook/connection/status-view.ts';
import type { FacebookTokenRecord } from '../../../../../proxy/store/facebook-connections.ts';
import { DAY } from '../../../../support/manual-clock.ts';

const now = new Date('2026-11-22T12:00:00Z');
const record = (extra: Partial<FacebookTokenRecord> = {}): FacebookTokenRecord => ({
  workspaceId: 'ws_a',
  kind: 'user',
  facebookUserId: '100',
  facebookUserName: 'Dana Demo',
  tokenType: 'USER',
  scopes: ['ads_management'],
  expiresAt: new Date(now.getTime() + 30 * DAY),
  dataAccessExpiresAt: null,
  connectedAt: now,
  checkedAt: now,
  invalid: null,
  ...extra,
});

describe('tokenStatusView', () => {
  it('counts whole days left and warns under seven', () => {
    expect(tokenStatusView(record(), now)).toMatchObject({
      valid: true,
      expiresInDays: 30,
      expiringSoon: false,
    });
    const soon = record({ expiresAt: new Date(now.getTime() + 7 * DAY - 1) });
    expect(tokenStatusView(soon, now)).toMatchObject({ expiresInDays: 6, expiringSoon: true });
    const gone = record({ expiresAt: new Date(now.getTime() - DAY) });
    expect(tokenStatusView(gone, now)).toMatchObject({ expiresInDays: 0, expiringSoon: true });
  });

  it('never warns about a token that does not expire', () => {
    expect(tokenStatusView(record({ expiresAt: null }), now)).toMatchObject({
      expiresAt: null,
      expiresInDays: null,
      expiringSoon: false,
    });
  });

  it('says why a token is invalid', () => {
    const invalid = { code: 'facebook_token_expired', message: 'Session has expired', at: now };
    expect(tokenStatusView(record({ invalid }), now)).toMatchObject({
      valid: false,
      invalidReason: { ...invalid, at: now.toISOString() },
    });
  });
});

describe('ad account views', () => {
  it('link each account to its Custom Audience terms', () => {
    const view = connectedAdAccountView({
      workspaceId: 'ws_a',
      adAccountId: '1029384757',
      name: 'Northwind EU',
      businessId: '4812',
      businessName: 'Northwind',
      accountStatus: 1,
      customAudienceTos: false,
      accessible: true,
      connectedAt: now,
      checkedAt: null,
    });
    expect(view).toMatchObject({
      id: 'act_1029384757',
      accountId: '1029384757',
      business: { id: '4812', name: 'Northwind' },
      accountStatusName: 'ACTIVE',
      customAudienceTos: 'not_accepted',
      tosUrl: 'https://business.facebook.com/ads/manage/customaudiences/tos/?act=1029384757',
      checkedAt: null,
    });
  });

  it('say whether an available account can run ads and take audiences', () => {
    const account = {
      adAccountId: '2',
      name: 'Agency',
      accountStatus: 2,
      business: null,
      userTasks: ['ANALYZE'],
      customAudienceTos: true,
    };
    expect(availableAdAccountView({ account, connected: true })).toMatchObject({
      accountStatusName: 'DISABLED',
      active: false,
      canManageAudiences: false,
      customAudienceTos: 'accepted',
      connected: true,
    });
    expect(
      availableAdAccountView({
        account: { ...account, accountStatus: 9, userTasks: ['ADVERTISE'] },
        connected: false,
      }),
    ).toMatchObject({
      active: true,
      canManageAudiences: true,
      accountStatusName: 'IN_GRACE_PERIOD',
    });
    expect(
      availableAdAccountView({ account: { ...account, accountStatus: 55 }, connected: false })
        .accountStatusName,
    ).toBe('UNKNOWN');
  });
});
