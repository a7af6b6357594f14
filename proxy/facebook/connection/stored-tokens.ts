import type { EncryptedSecrets } from '../../secrets/encrypted-secrets.ts';
import type {
  FacebookConnectionRepository,
  FacebookTokenKind,
  FacebookTokenRecord,
  TokenInvalidity,
} from '../../store/facebook-connections.ts';
import type { TokenInspection } from './token-inspection.ts';

/** A token ready to call Graph with, and its description. */
export interface StoredToken {
  record: FacebookTokenRecord;
  token: string;
}

/**
 * A workspace's Facebook tokens: the token itself encrypted among the workspace secrets, its
 * description (owner, scopes, expiry, validity) in the connections repository.
 */
export interface StoredTokens {
  list(workspaceId: string): Promise<FacebookTokenRecord[]>;
  get(workspaceId: string, kind: FacebookTokenKind): Promise<StoredToken | undefined>;
  /** What Graph calls act with: the System User token when there is one, else the user's. */
  inUse(workspaceId: string): Promise<StoredToken | undefined>;
  save(
    workspaceId: string,
    kind: FacebookTokenKind,
    token: string,
    inspection: TokenInspection,
    ownerName: string | null,
  ): Promise<FacebookTokenRecord>;
  /**
   * Records what a check found (invalid: why Facebook refuses the token; null: it works) on
   * the token described by `record`, unless that token has been replaced meanwhile.
   */
  recordCheck(
    record: FacebookTokenRecord,
    invalid: Omit<TokenInvalidity, 'at'> | null,
    inspection?: TokenInspection,
  ): Promise<void>;
  remove(workspaceId: string, kind: FacebookTokenKind): Promise<void>;
  /** Disconnect: both tokens and the chosen ad accounts. */
  removeAll(workspaceId: string): Promise<void>;
}

export const TOKEN_SECRET_NAMES: Record<FacebookTokenKind, string> = {
  user: 'facebook.user_token',
  system_user: 'facebook.system_user_token',
};

export interface StoredTokensOptions {
  repository: FacebookConnectionRepository;
  secrets: EncryptedSecrets;
  now?: () => Date;
}

export function createStoredTokens({
  repository,
  secrets,
  now = () => new Date(),
}: StoredTokensOptions): StoredTokens {
  const withToken = async (records: FacebookTokenRecord[], kind: FacebookTokenKind) => {
    const record = records.find((token) => token.kind === kind);
    const token = record && (await secrets.get(record.workspaceId, TOKEN_SECRET_NAMES[kind]));
    return record && token ? { record, token } : undefined;
  };
  return {
    list: (workspaceId) => repository.tokens(workspaceId),
    get: async (workspaceId, kind) => withToken(await repository.tokens(workspaceId), kind),
    // Every Graph call of a workspace starts here: one read of its token records.
    async inUse(workspaceId) {
      const records = await repository.tokens(workspaceId);
      return (await withToken(records, 'system_user')) ?? (await withToken(records, 'user'));
    },
    async save(workspaceId, kind, token, inspection, ownerName) {
      const at = now();
      const record: FacebookTokenRecord = {
        workspaceId,
        kind,
        facebookUserId: inspection.userId ?? '',
        facebookUserName: ownerName,
        tokenType: inspection.type,
        scopes: inspection.scopes,
        expiresAt: inspection.expiresAt,
        dataAccessExpiresAt: inspection.dataAccessExpiresAt,
        connectedAt: at,
        checkedAt: at,
        invalid: null,
      };
      // The secret first: a description without its token would look connected.
      await secrets.put(workspaceId, TOKEN_SECRET_NAMES[kind], token);
      await repository.putToken(record);
      return record;
    },
    async recordCheck(record, invalid, inspection) {
      const at = now();
      // A reason already on record keeps the time it was first seen.
      const since = record.invalid?.code === invalid?.code ? record.invalid?.at : undefined;
      await repository.recordTokenCheck(record, {
        checkedAt: at,
        invalid: invalid && { ...invalid, at: since ?? at },
        ...(inspection?.valid
          ? {
              scopes: inspection.scopes,
              expiresAt: inspection.expiresAt,
              dataAccessExpiresAt: inspection.dataAccessExpiresAt,
            }
          : {}),
      });
    },
    async remove(workspaceId, kind) {
      await repository.deleteToken(workspaceId, kind);
      await secrets.delete(workspaceId, TOKEN_SECRET_NAMES[kind]);
    },
    async removeAll(workspaceId) {
      await repository.clear(workspaceId);
      for (const name of Object.values(TOKEN_SECRET_NAMES)) await secrets.delete(workspaceId, name);
    },
  };
}
