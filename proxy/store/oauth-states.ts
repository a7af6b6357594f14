/** A pending OAuth dialog: its state's id, so each state is used at most once. */
export interface OAuthStateRecord {
  id: string;
  workspaceId: string;
  expiresAt: Date;
}

export type OAuthStateUse = 'used-now' | 'used-before' | 'unknown';

export interface OAuthStateRepository {
  create(state: OAuthStateRecord): Promise<void>;
  /** Marks the state used, atomically: only the first caller gets `used-now`. */
  use(workspaceId: string, id: string, at: Date): Promise<OAuthStateUse>;
  /** Forgets states that expired before `before` (they are refused on their signature anyway). */
  deleteExpired(before: Date): Promise<void>;
}
