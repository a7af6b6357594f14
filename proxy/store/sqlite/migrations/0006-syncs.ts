import type { Migration } from '../migrate.ts';

export const syncs: Migration = {
  version: 6,
  name: 'continuous audience syncs, their queue of hashed users and per-minute counts',
  up(db) {
    db.exec(`
      -- No PII: a sync names an audience and fields; queued users are already hashed.
      CREATE TABLE syncs (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'paused', 'errored')),
        ad_account_id TEXT,
        audience_kind TEXT CHECK (audience_kind IN ('new', 'existing')),
        audience_name TEXT,
        facebook_audience_id TEXT,
        action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
        fields TEXT NOT NULL,
        consent TEXT NOT NULL,
        default_country TEXT,
        -- SHA-256 of the ingest secret; the secret itself is an encrypted secret.
        ingest_secret_hash TEXT NOT NULL,
        secret_rotated_at TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        -- Delivery waits until then after a throttled or transient failure.
        retry_after TEXT,
        -- Since when delivery keeps failing; users queued before now minus the retry window give up.
        failing_since TEXT,
        entered INTEGER NOT NULL DEFAULT 0,
        synced INTEGER NOT NULL DEFAULT 0,
        not_synced INTEGER NOT NULL DEFAULT 0,
        errored INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        launched_at TEXT
      ) STRICT;
      CREATE INDEX syncs_by_workspace ON syncs (workspace_id, created_at);
      CREATE INDEX syncs_by_status ON syncs (status);

      -- One entry a user: the rows Meta receives for them (JSON array of rows of hashed values).
      CREATE TABLE sync_queue (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sync_id TEXT NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
        rows TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        enqueued_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_queue_by_sync ON sync_queue (sync_id, id);

      CREATE TABLE sync_minutes (
        sync_id TEXT NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
        minute TEXT NOT NULL,
        entered INTEGER NOT NULL DEFAULT 0,
        synced INTEGER NOT NULL DEFAULT 0,
        not_synced INTEGER NOT NULL DEFAULT 0,
        errored INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (sync_id, minute)
      ) STRICT;
    `);
  },
};
