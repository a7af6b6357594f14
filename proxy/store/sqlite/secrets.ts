import type { DatabaseSync } from 'node:sqlite';
import type { SealedSecret, SecretRepository } from '../secrets.ts';
import { fromText, toText } from './database.ts';

type Row = Record<string, unknown>;

const toSealed = (row: Row): SealedSecret => ({
  workspaceId: String(row.workspace_id),
  name: String(row.name),
  kid: String(row.kid),
  ciphertext: String(row.ciphertext),
  updatedAt: fromText(String(row.updated_at)),
});

export function sqliteSecrets(db: DatabaseSync): SecretRepository {
  // One statement, so the "is this key still active?" check and the write are atomic.
  const putIfActive =
    db.prepare(`INSERT INTO secrets (workspace_id, name, kid, ciphertext, updated_at)
    SELECT ?, ?, kid, ?, ? FROM encryption_keys WHERE kid = ? AND active = 1
    ON CONFLICT (workspace_id, name) DO UPDATE
      SET kid = excluded.kid, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`);
  const byName = db.prepare('SELECT * FROM secrets WHERE workspace_id = ? AND name = ?');
  const remove = db.prepare('DELETE FROM secrets WHERE workspace_id = ? AND name = ?');
  const otherKey = db.prepare(`SELECT * FROM secrets
    WHERE kid != ? AND (workspace_id, name) > (?, ?)
    ORDER BY workspace_id, name LIMIT ?`);
  const swap = db.prepare(`UPDATE secrets SET kid = ?, ciphertext = ?, updated_at = ?
    WHERE workspace_id = ? AND name = ? AND ciphertext = ?`);
  return {
    async put(sealed) {
      const result = putIfActive.run(
        sealed.workspaceId,
        sealed.name,
        sealed.ciphertext,
        toText(sealed.updatedAt),
        sealed.kid,
      );
      return Number(result.changes) > 0;
    },
    async get(workspaceId, name) {
      const row = byName.get(workspaceId, name);
      return row ? toSealed(row) : undefined;
    },
    async delete(workspaceId, name) {
      return Number(remove.run(workspaceId, name).changes) > 0;
    },
    async listSealedWithOtherKey(kid, limit, after = { workspaceId: '', name: '' }) {
      return otherKey.all(kid, after.workspaceId, after.name, limit).map(toSealed);
    },
    async replace(previous, next) {
      const result = swap.run(
        next.kid,
        next.ciphertext,
        toText(next.updatedAt),
        previous.workspaceId,
        previous.name,
        previous.ciphertext,
      );
      return Number(result.changes) > 0;
    },
  };
}
