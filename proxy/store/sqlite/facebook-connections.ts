import type { DatabaseSync } from 'node:sqlite';
import type {
  ConnectedAdAccount,
  FacebookConnectionRepository,
  FacebookTokenKind,
  FacebookTokenRecord,
} from '../facebook-connections.ts';
import { fromNullableText, fromText, inTransaction, toNullableText, toText } from './database.ts';

type Row = Record<string, unknown>;

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

const toToken = (row: Row): FacebookTokenRecord => ({
  workspaceId: String(row.workspace_id),
  kind: String(row.kind) as FacebookTokenKind,
  facebookUserId: String(row.facebook_user_id),
  facebookUserName: textOrNull(row.facebook_user_name),
  tokenType: String(row.token_type),
  scopes: JSON.parse(String(row.scopes)) as string[],
  expiresAt: fromNullableText(row.expires_at),
  dataAccessExpiresAt: fromNullableText(row.data_access_expires_at),
  connectedAt: fromText(String(row.connected_at)),
  checkedAt: fromText(String(row.checked_at)),
  invalid:
    typeof row.invalid_code === 'string'
      ? {
          code: row.invalid_code,
          message: String(row.invalid_message ?? ''),
          at: fromText(String(row.invalid_at)),
        }
      : null,
});

const toAdAccount = (row: Row): ConnectedAdAccount => ({
  workspaceId: String(row.workspace_id),
  adAccountId: String(row.ad_account_id),
  name: String(row.name),
  businessId: textOrNull(row.business_id),
  businessName: textOrNull(row.business_name),
  accountStatus: Number(row.account_status),
  customAudienceTos:
    row.custom_audience_tos === null ? null : Number(row.custom_audience_tos) === 1,
  accessible: Number(row.accessible) === 1,
  connectedAt: fromText(String(row.connected_at)),
  checkedAt: fromNullableText(row.checked_at),
});

const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

/** The columns a check refreshes, in the order both statements below list them. */
const checkedColumns = (account: ConnectedAdAccount) => [
  account.name,
  account.businessId,
  account.businessName,
  account.accountStatus,
  flag(account.customAudienceTos),
  flag(account.accessible),
  toNullableText(account.checkedAt),
];

export function sqliteFacebookConnections(db: DatabaseSync): FacebookConnectionRepository {
  const tokens = db.prepare('SELECT * FROM facebook_tokens WHERE workspace_id = ? ORDER BY kind');
  const putToken = db.prepare(`INSERT OR REPLACE INTO facebook_tokens
    (workspace_id, kind, facebook_user_id, facebook_user_name, token_type, scopes, expires_at,
     data_access_expires_at, connected_at, checked_at, invalid_code, invalid_message, invalid_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const deleteToken = db.prepare('DELETE FROM facebook_tokens WHERE workspace_id = ? AND kind = ?');
  const checkToken = db.prepare(`UPDATE facebook_tokens SET checked_at = ?, invalid_code = ?,
      invalid_message = ?, invalid_at = ?, scopes = COALESCE(?, scopes),
      expires_at = CASE WHEN ? THEN ? ELSE expires_at END,
      data_access_expires_at = CASE WHEN ? THEN ? ELSE data_access_expires_at END
    WHERE workspace_id = ? AND kind = ? AND connected_at = ?`);
  const adAccounts = db.prepare(
    'SELECT * FROM facebook_ad_accounts WHERE workspace_id = ? ORDER BY position',
  );
  const deleteAdAccounts = db.prepare('DELETE FROM facebook_ad_accounts WHERE workspace_id = ?');
  const insertAdAccount = db.prepare(`INSERT INTO facebook_ad_accounts
    (workspace_id, ad_account_id, position, connected_at, name, business_id, business_name,
     account_status, custom_audience_tos, accessible, checked_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const checkAdAccount = db.prepare(`UPDATE facebook_ad_accounts SET name = ?, business_id = ?,
      business_name = ?, account_status = ?, custom_audience_tos = ?, accessible = ?, checked_at = ?
    WHERE workspace_id = ? AND ad_account_id = ?`);
  const deleteTokens = db.prepare('DELETE FROM facebook_tokens WHERE workspace_id = ?');
  const workspacesWithTokens = db.prepare(
    'SELECT DISTINCT workspace_id FROM facebook_tokens ORDER BY workspace_id',
  );
  return {
    async tokens(workspaceId) {
      return tokens.all(workspaceId).map(toToken);
    },
    async putToken(record) {
      putToken.run(
        record.workspaceId,
        record.kind,
        record.facebookUserId,
        record.facebookUserName,
        record.tokenType,
        JSON.stringify(record.scopes),
        toNullableText(record.expiresAt),
        toNullableText(record.dataAccessExpiresAt),
        toText(record.connectedAt),
        toText(record.checkedAt),
        record.invalid?.code ?? null,
        record.invalid?.message ?? null,
        toNullableText(record.invalid?.at),
      );
    },
    async deleteToken(workspaceId, kind) {
      return Number(deleteToken.run(workspaceId, kind).changes) > 0;
    },
    async recordTokenCheck(token, check) {
      const result = checkToken.run(
        toText(check.checkedAt),
        check.invalid?.code ?? null,
        check.invalid?.message ?? null,
        toNullableText(check.invalid?.at),
        check.scopes ? JSON.stringify(check.scopes) : null,
        check.expiresAt === undefined ? 0 : 1,
        toNullableText(check.expiresAt),
        check.dataAccessExpiresAt === undefined ? 0 : 1,
        toNullableText(check.dataAccessExpiresAt),
        token.workspaceId,
        token.kind,
        toText(token.connectedAt),
      );
      return Number(result.changes) > 0;
    },
    async adAccounts(workspaceId) {
      return adAccounts.all(workspaceId).map(toAdAccount);
    },
    async replaceAdAccounts(workspaceId, accounts) {
      inTransaction(db, () => {
        deleteAdAccounts.run(workspaceId);
        accounts.forEach((account, position) => {
          insertAdAccount.run(
            workspaceId,
            account.adAccountId,
            position,
            toText(account.connectedAt),
            ...checkedColumns(account),
          );
        });
      });
    },
    async recordAdAccountChecks(workspaceId, accounts) {
      inTransaction(db, () => {
        for (const account of accounts) {
          checkAdAccount.run(...checkedColumns(account), workspaceId, account.adAccountId);
        }
      });
    },
    async clear(workspaceId) {
      inTransaction(db, () => {
        deleteTokens.run(workspaceId);
        deleteAdAccounts.run(workspaceId);
      });
    },
    async workspacesWithTokens() {
      return workspacesWithTokens.all().map((row) => String(row.workspace_id));
    },
  };
}
