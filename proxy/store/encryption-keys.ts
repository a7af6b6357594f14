/**
 * One key id of the secrets key ring. The key itself is never stored: it is derived from the
 * relay secret whose fingerprint is recorded here, so the database alone opens nothing.
 */
export interface EncryptionKeyRecord {
  kid: string;
  secretFingerprint: string;
  createdAt: Date;
  active: boolean;
  /** Set once rotation has moved every secret off this key. */
  retiredAt: Date | null;
}

export interface EncryptionKeyRepository {
  active(): Promise<EncryptionKeyRecord | undefined>;
  get(kid: string): Promise<EncryptionKeyRecord | undefined>;
  list(): Promise<EncryptionKeyRecord[]>;
  /** Returns the active key, first making `candidate` the active one if there is none. */
  ensureActive(
    candidate: Omit<EncryptionKeyRecord, 'active' | 'retiredAt'>,
  ): Promise<EncryptionKeyRecord>;
  /** Adds `record` and makes it the only active key, in one step. */
  activate(record: Omit<EncryptionKeyRecord, 'active' | 'retiredAt'>): Promise<void>;
  retire(kid: string, at: Date): Promise<void>;
}
