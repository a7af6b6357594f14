import { termsOfServiceUrl } from '../../../shared/error-catalog.ts';
import {
  AD_ACCOUNT_STATUS,
  type AvailableAdAccount,
  type ConnectedAdAccountSummary,
  type TokenStatus,
} from '../../../shared/relay-api/facebook.ts';
import type { ConnectedAdAccount, FacebookTokenRecord } from '../../store/facebook-connections.ts';
import type { VisibleAdAccount } from './ad-accounts.ts';

/** Under this many days left, the status warns that the token needs renewing. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Statuses in which ads can run (reference §2.3). */
const ACTIVE_STATUSES = new Set([1, 8, 9]);
const AUDIENCE_TASKS = new Set(['MANAGE', 'ADVERTISE']);

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function tokenStatusView(record: FacebookTokenRecord, now: Date): TokenStatus {
  const left = record.expiresAt ? record.expiresAt.getTime() - now.getTime() : null;
  return {
    kind: record.kind,
    facebookUser: { id: record.facebookUserId, name: record.facebookUserName },
    type: record.tokenType,
    valid: record.invalid === null,
    invalidReason: record.invalid && { ...record.invalid, at: record.invalid.at.toISOString() },
    scopes: record.scopes,
    expiresAt: iso(record.expiresAt),
    expiresInDays: left === null ? null : Math.max(0, Math.floor(left / DAY_MS)),
    expiringSoon: left !== null && left < EXPIRY_WARNING_DAYS * DAY_MS,
    dataAccessExpiresAt: iso(record.dataAccessExpiresAt),
    connectedAt: record.connectedAt.toISOString(),
    checkedAt: record.checkedAt.toISOString(),
  };
}

function adAccountBase(account: {
  adAccountId: string;
  name: string;
  accountStatus: number;
  business: { id: string; name: string | null } | null;
  customAudienceTos: boolean | null;
}) {
  return {
    id: `act_${account.adAccountId}`,
    accountId: account.adAccountId,
    name: account.name,
    business: account.business,
    accountStatus: account.accountStatus,
    accountStatusName: AD_ACCOUNT_STATUS[account.accountStatus] ?? 'UNKNOWN',
    customAudienceTos:
      account.customAudienceTos === null
        ? ('unknown' as const)
        : account.customAudienceTos
          ? ('accepted' as const)
          : ('not_accepted' as const),
    tosUrl: termsOfServiceUrl(account.adAccountId),
  };
}

export function connectedAdAccountView(account: ConnectedAdAccount): ConnectedAdAccountSummary {
  return {
    ...adAccountBase({
      ...account,
      business: account.businessId ? { id: account.businessId, name: account.businessName } : null,
    }),
    accessible: account.accessible,
    connectedAt: account.connectedAt.toISOString(),
    checkedAt: iso(account.checkedAt),
  };
}

export function availableAdAccountView({
  account,
  connected,
}: {
  account: VisibleAdAccount;
  connected: boolean;
}): AvailableAdAccount {
  return {
    ...adAccountBase(account),
    active: ACTIVE_STATUSES.has(account.accountStatus),
    userTasks: account.userTasks,
    canManageAudiences: account.userTasks.some((task) => AUDIENCE_TASKS.has(task)),
    connected,
  };
}
