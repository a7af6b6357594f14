/** Which token a workspace's Graph calls act with: the admin's login, or a System User's. */
export type FacebookTokenKind = 'user' | 'system_user';

/** Why Facebook no longer accepts a token: a catalog code, Meta's words, and when. */
export interface TokenInvalidity {
  code: string;
  message: string;
  at: Date;
}

/**
 * What the relay knows about a stored Facebook token. The token itself is an encrypted
 * workspace secret; this row never holds it.
 */
export interface FacebookTokenRecord {
  workspaceId: string;
  kind: FacebookTokenKind;
  /** The person or system user the token acts for. */
  facebookUserId: string;
  facebookUserName: string | null;
  /** `debug_token`'s `type` (USER, SYSTEM_USER, …). */
  tokenType: string;
  scopes: string[];
  /** Null: never expires. */
  expiresAt: Date | null;
  dataAccessExpiresAt: Date | null;
  /** When this token was stored; identifies it, so a late failure never marks its successor. */
  connectedAt: Date;
  checkedAt: Date;
  invalid: TokenInvalidity | null;
}

/** An ad account the workspace chose to use, with what the last check saw of it. */
export interface ConnectedAdAccount {
  workspaceId: string;
  /** Numeric, without `act_`. */
  adAccountId: string;
  name: string;
  businessId: string | null;
  businessName: string | null;
  accountStatus: number;
  /** Custom Audience terms accepted; null until checked. */
  customAudienceTos: boolean | null;
  /** Whether the token in use could see the account at the last check. */
  accessible: boolean;
  connectedAt: Date;
  checkedAt: Date | null;
}

export interface FacebookConnectionRepository {
  tokens(workspaceId: string): Promise<FacebookTokenRecord[]>;
  /** Inserts or replaces the workspace's token of that kind. */
  putToken(record: FacebookTokenRecord): Promise<void>;
  deleteToken(workspaceId: string, kind: FacebookTokenKind): Promise<boolean>;
  /**
   * Records a check of the token stored at `connectedAt` (valid when `invalid` is null).
   * False when that token was replaced or removed meanwhile: nothing is written then.
   */
  recordTokenCheck(
    token: Pick<FacebookTokenRecord, 'workspaceId' | 'kind' | 'connectedAt'>,
    check: Pick<FacebookTokenRecord, 'checkedAt' | 'invalid'> &
      Partial<Pick<FacebookTokenRecord, 'scopes' | 'expiresAt' | 'dataAccessExpiresAt'>>,
  ): Promise<boolean>;
  /** The chosen ad accounts, in the order they were chosen. */
  adAccounts(workspaceId: string): Promise<ConnectedAdAccount[]>;
  /** Makes `accounts` the workspace's whole set, in one step. */
  replaceAdAccounts(workspaceId: string, accounts: ConnectedAdAccount[]): Promise<void>;
  /** Updates what a check saw of accounts still in the set; others are left alone. */
  recordAdAccountChecks(workspaceId: string, accounts: ConnectedAdAccount[]): Promise<void>;
  /** Disconnect: every token row and chosen account of the workspace, gone. */
  clear(workspaceId: string): Promise<void>;
  /** Operator only (the daily check): every workspace that holds a token. */
  workspacesWithTokens(): Promise<string[]>;
}
