import type { DatabaseSync } from 'node:sqlite';
import { consentOverrides } from '../../../shared/consent-settings.ts';
import type { ConsentDefaultsRepository } from '../consent-defaults.ts';
import { fromText, toText } from './database.ts';

export function sqliteConsentDefaults(db: DatabaseSync): ConsentDefaultsRepository {
  const get = db.prepare('SELECT * FROM workspace_consent_defaults WHERE workspace_id = ?');
  const put =
    db.prepare(`INSERT INTO workspace_consent_defaults (workspace_id, settings, updated_at)
    VALUES (?, ?, ?)
    ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings,
      updated_at = excluded.updated_at`);
  return {
    async get(workspaceId) {
      const row = get.get(workspaceId);
      if (!row) return undefined;
      return {
        // Parsed, not trusted: a row written by another version keeps only what is still valid.
        settings: consentOverrides.parse(JSON.parse(String(row.settings))),
        updatedAt: fromText(String(row.updated_at)),
      };
    },
    async put(workspaceId, { settings, updatedAt }) {
      put.run(workspaceId, JSON.stringify(settings), toText(updatedAt));
    },
  };
}
