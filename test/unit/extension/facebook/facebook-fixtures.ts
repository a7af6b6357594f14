import type { FacebookStatus } from '../../../../extension/facebook/facebook-service.ts';
import type { AvailableAdAccount, TokenStatus } from '../../../../shared/relay-api/facebook.ts';
import { NOW } from '../relay/fake-relay.ts';

const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

/** A valid token as the relay describes it, 50 days from expiry unless changed. */
export function tokenStatus(patch: Partial<TokenStatus> = {}): TokenStatus {
  return {
    kind: 'user',
    facebookUser: { id: '100', name: 'Dana Demo' },
    type: 'USER',
    valid: true,
    invalidReason: null,
    scopes: ['ads_management', 'business_management'],
    expiresAt: at(50),
    expiresInDays: 50,
    expiringSoon: false,
    dataAccessExpiresAt: at(90),
    connectedAt: at(-10),
    checkedAt: NOW.toISOString(),
    ...patch,
  };
}

const northwind = { id: '481', name: 'Northwind Outfitters' };

export function connectedAccount(
  patch: Partial<FacebookStatus['adAccounts'][number]> = {},
): FacebookStatus['adAccounts'][number] {
  const accountId = patch.accountId ?? '1029384756';
  return {
    id: `act_${accountId}`,
    accountId,
    name: 'Northwind US',
    business: northwind,
    accountStatus: 1,
    accountStatusName: 'ACTIVE',
    customAudienceTos: 'accepted',
    tosUrl: `https://business.facebook.com/ads/manage/customaudiences/tos/?act=${accountId}`,
    accessible: true,
    connectedAt: at(-5),
    checkedAt: NOW.toISOString(),
    ...patch,
  };
}

export function availableAccount(patch: Partial<AvailableAdAccount> = {}): AvailableAdAccount {
  const { accessible: _, connectedAt: __, checkedAt: ___, ...base } = connectedAccount(patch);
  return {
    ...base,
    active: true,
    userTasks: ['MANAGE', 'ADVERTISE'],
    canManageAudiences: true,
    connected: false,
    ...patch,
  };
}

/** A workspace connected with a user token and one healthy ad account, unless changed. */
export function facebookStatus(patch: Partial<FacebookStatus> = {}): FacebookStatus {
  return {
    mode: 'live',
    connected: true,
    tokenInUse: 'user',
    user: tokenStatus(),
    systemUser: null,
    adAccounts: [connectedAccount()],
    checkError: null,
    ...patch,
  };
}

export const NOT_CONNECTED: FacebookStatus = {
  mode: 'live',
  connected: false,
  tokenInUse: null,
  user: null,
  systemUser: null,
  adAccounts: [],
  checkError: null,
};
