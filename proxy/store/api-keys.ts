import type { Role } from '../../shared/relay-api/roles.ts';

/** A workspace credential as stored: the secret part only as a slow hash. */
export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  role: Role;
  label: string | null;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface ApiKeyRepository {
  create(key: ApiKeyRecord): Promise<void>;
  /**
   * The one lookup not scoped by workspace: a presented key carries only its own id, and the
   * operator's CLI revokes by id.
   */
  findById(keyId: string): Promise<ApiKeyRecord | undefined>;
  get(workspaceId: string, keyId: string): Promise<ApiKeyRecord | undefined>;
  /** The workspace's keys, oldest first. */
  list(workspaceId: string): Promise<ApiKeyRecord[]>;
  /** False when the workspace has no such key; revoking twice keeps the first time. */
  revoke(workspaceId: string, keyId: string, at: Date): Promise<boolean>;
  markUsed(workspaceId: string, keyId: string, at: Date): Promise<void>;
}
