import type { DatabaseSync } from 'node:sqlite';
import type { OAuthStateRepository } from '../oauth-states.ts';
import { toText } from './database.ts';

export function sqliteOAuthStates(db: DatabaseSync): OAuthStateRepository {
  const insert = db.prepare(
    'INSERT INTO facebook_oauth_states (id, workspace_id, expires_at) VALUES (?, ?, ?)',
  );
  // One statement, so two requests racing with the same state cannot both use it.
  const use = db.prepare(`UPDATE facebook_oauth_states SET used_at = ?
    WHERE workspace_id = ? AND id = ? AND used_at IS NULL`);
  const exists = db.prepare(
    'SELECT 1 AS found FROM facebook_oauth_states WHERE workspace_id = ? AND id = ?',
  );
  const deleteExpired = db.prepare('DELETE FROM facebook_oauth_states WHERE expires_at < ?');
  return {
    async create(state) {
      insert.run(state.id, state.workspaceId, toText(state.expiresAt));
    },
    async use(workspaceId, id, at) {
      if (Number(use.run(toText(at), workspaceId, id).changes) > 0) return 'used-now';
      return exists.get(workspaceId, id) ? 'used-before' : 'unknown';
    },
    async deleteExpired(before) {
      deleteExpired.run(toText(before));
    },
  };
}
