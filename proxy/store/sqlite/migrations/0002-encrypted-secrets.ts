import type { Migration } from '../migrate.ts';

export const encryptedSecrets: Migration = {
  version: 2,
  name: 'encryption key ring and encrypted secrets',
  up(db) {
    db.exec(`
      CREATE TABLE encryption_keys (
        kid TEXT PRIMARY KEY,
        secret_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        retired_at TEXT
      ) STRICT;
      -- At most one key encrypts new secrets.
      CREATE UNIQUE INDEX encryption_keys_one_active ON encryption_keys (active) WHERE active = 1;

      CREATE TABLE secrets (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kid TEXT NOT NULL REFERENCES encryption_keys (kid),
        ciphertext TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, name)
      ) STRICT;
      CREATE INDEX secrets_by_kid ON secrets (kid);
    `);
  },
};
