import type { Migration } from '../migrate.ts';

export const consentDefaults: Migration = {
  version: 5,
  name: "a workspace's consent defaults for exports and syncs",
  up(db) {
    db.exec(`
      -- One row per workspace that changed the built-in defaults; the JSON is ConsentOverrides.
      CREATE TABLE workspace_consent_defaults (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
