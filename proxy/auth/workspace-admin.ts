import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/relay-api/roles.ts';
import type { ApiKeyRecord } from '../store/api-keys.ts';
import type { RelayStore } from '../store/store.ts';
import type { Workspace } from '../store/workspaces.ts';
import { generateApiKey, hashApiKeySecret } from './api-key.ts';

/** A freshly made key: `apiKey` is shown once and never stored. */
export interface IssuedKey {
  record: ApiKeyRecord;
  apiKey: string;
}

export interface KeyOptions {
  role: Role;
  label?: string | null;
  /** Absent: the key works until revoked. */
  expiresInDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creating workspaces and managing their keys, for the CLI and the admin routes alike. */
export interface WorkspaceAdmin {
  /** A new workspace with its first admin key. */
  createWorkspace(name: string): Promise<{ workspace: Workspace; adminKey: IssuedKey }>;
  /** Undefined when the workspace does not exist. */
  issueKey(workspaceId: string, options: KeyOptions): Promise<IssuedKey | undefined>;
  /** The revoked key, or undefined when the workspace has no such key. */
  revokeKey(workspaceId: string, keyId: string): Promise<ApiKeyRecord | undefined>;
  listKeys(workspaceId: string): Promise<ApiKeyRecord[]>;
}

export interface WorkspaceAdminOptions {
  store: Pick<RelayStore, 'apiKeys' | 'workspaces'>;
  now?: () => Date;
  random?: (bytes: number) => Buffer;
}

export function createWorkspaceAdmin({
  store,
  now = () => new Date(),
  random = randomBytes,
}: WorkspaceAdminOptions): WorkspaceAdmin {
  const makeKey = async (workspaceId: string, options: KeyOptions): Promise<IssuedKey> => {
    const { keyId, secret, apiKey } = generateApiKey(random);
    const record: ApiKeyRecord = {
      id: keyId,
      workspaceId,
      role: options.role,
      label: options.label ?? null,
      secretHash: await hashApiKeySecret(secret, random),
      createdAt: now(),
      expiresAt: options.expiresInDays
        ? new Date(now().getTime() + options.expiresInDays * DAY_MS)
        : null,
      revokedAt: null,
      lastUsedAt: null,
    };
    await store.apiKeys.create(record);
    return { record, apiKey };
  };
  return {
    async createWorkspace(name) {
      const workspace = { id: `ws_${random(6).toString('hex')}`, name, createdAt: now() };
      await store.workspaces.create(workspace);
      const adminKey = await makeKey(workspace.id, { role: 'admin', label: 'first admin key' });
      return { workspace, adminKey };
    },
    async issueKey(workspaceId, options) {
      if (!(await store.workspaces.get(workspaceId))) return undefined;
      return makeKey(workspaceId, options);
    },
    async revokeKey(workspaceId, keyId) {
      if (!(await store.apiKeys.revoke(workspaceId, keyId, now()))) return undefined;
      return store.apiKeys.get(workspaceId, keyId);
    },
    listKeys: (workspaceId) => store.apiKeys.list(workspaceId),
  };
}
