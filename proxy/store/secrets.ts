/** A secret (Facebook token, Braze key, …) as stored: only its JWE, never the value. */
export interface SealedSecret {
  workspaceId: string;
  name: string;
  /** The encryption key the JWE was made with (also in its protected header). */
  kid: string;
  ciphertext: string;
  updatedAt: Date;
}

export interface SecretRepository {
  /**
   * Inserts or replaces, but only while `sealed.kid` is the active encryption key, so a write
   * racing a key rotation can never leave a secret under a retired key. False means: seal
   * again under the new active key and retry.
   */
  put(sealed: SealedSecret): Promise<boolean>;
  get(workspaceId: string, name: string): Promise<SealedSecret | undefined>;
  delete(workspaceId: string, name: string): Promise<boolean>;
  /**
   * Operator only (key rotation): up to `limit` secrets, across workspaces, sealed under any
   * key but `kid`, ordered by workspace and name and starting after `after`.
   */
  listSealedWithOtherKey(
    kid: string,
    limit: number,
    after?: { workspaceId: string; name: string },
  ): Promise<SealedSecret[]>;
  /** Compare-and-swap for rotation: false when the secret changed (or went) meanwhile. */
  replace(previous: SealedSecret, next: SealedSecret): Promise<boolean>;
}
