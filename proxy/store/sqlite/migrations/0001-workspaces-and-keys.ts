import type { Migration } from '../migrate.ts';

export const workspacesAndKeys: Migration = {
  version: 1,
  name: 'workspaces and API keys',
  up(db) {
    db.exec(`
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'marketer')),
        label TEXT,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        last_used_at TEXT
      ) STRICT;
      CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id, created_at);
    `);
  },
};
