import type { DatabaseSync } from 'node:sqlite';
import type { Role } from '../../../shared/relay-api/roles.ts';
import type { ApiKeyRecord, ApiKeyRepository } from '../api-keys.ts';
import { fromNullableText, fromText, toNullableText, toText } from './database.ts';

type Row = Record<string, unknown>;

const toApiKey = (row: Row): ApiKeyRecord => ({
  id: String(row.id),
  workspaceId: String(row.workspace_id),
  role: String(row.role) as Role,
  label: typeof row.label === 'string' ? row.label : null,
  secretHash: String(row.secret_hash),
  createdAt: fromText(String(row.created_at)),
  expiresAt: fromNullableText(row.expires_at),
  revokedAt: fromNullableText(row.revoked_at),
  lastUsedAt: fromNullableText(row.last_used_at),
});

export function sqliteApiKeys(db: DatabaseSync): ApiKeyRepository {
  const insert = db.prepare(`INSERT INTO api_keys
    (id, workspace_id, role, label, secret_hash, created_at, expires_at, revoked_at, last_used_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare('SELECT * FROM api_keys WHERE id = ?');
  const byWorkspaceAndId = db.prepare('SELECT * FROM api_keys WHERE workspace_id = ? AND id = ?');
  const byWorkspace = db.prepare(
    'SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at, id',
  );
  const revoke = db.prepare(`UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?)
    WHERE workspace_id = ? AND id = ?`);
  const markUsed = db.prepare(
    'UPDATE api_keys SET last_used_at = ? WHERE workspace_id = ? AND id = ?',
  );
  return {
    async create(key) {
      insert.run(
        key.id,
        key.workspaceId,
        key.role,
        key.label,
        key.secretHash,
        toText(key.createdAt),
        toNullableText(key.expiresAt),
        toNullableText(key.revokedAt),
        toNullableText(key.lastUsedAt),
      );
    },
    async findById(keyId) {
      const row = byId.get(keyId);
      return row ? toApiKey(row) : undefined;
    },
    async get(workspaceId, keyId) {
      const row = byWorkspaceAndId.get(workspaceId, keyId);
      return row ? toApiKey(row) : undefined;
    },
    async list(workspaceId) {
      return byWorkspace.all(workspaceId).map(toApiKey);
    },
    async revoke(workspaceId, keyId, at) {
      return Number(revoke.run(toText(at), workspaceId, keyId).changes) > 0;
    },
    async markUsed(workspaceId, keyId, at) {
      markUsed.run(toText(at), workspaceId, keyId);
    },
  };
}
