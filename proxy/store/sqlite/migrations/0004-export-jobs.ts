import type { Migration } from '../migrate.ts';

export const exportJobs: Migration = {
  version: 4,
  name: 'export jobs, their audiences, acknowledged batches and events',
  up(db) {
    db.exec(`
      -- No PII here: the spec names the source, the plan and the settings; rows never.
      CREATE TABLE export_jobs (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        ad_account_id TEXT NOT NULL,
        status TEXT NOT NULL,
        spec TEXT NOT NULL,
        report TEXT,
        error_code TEXT,
        error_message TEXT,
        resumable INTEGER NOT NULL DEFAULT 0 CHECK (resumable IN (0, 1)),
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        started_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX export_jobs_by_workspace ON export_jobs (workspace_id, created_at);
      CREATE INDEX export_jobs_by_status ON export_jobs (status);

      CREATE TABLE export_audiences (
        job_id TEXT NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
        audience TEXT NOT NULL,
        name TEXT NOT NULL,
        facebook_audience_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        PRIMARY KEY (job_id, audience)
      ) STRICT;
      CREATE INDEX export_audiences_by_facebook_id ON export_audiences (facebook_audience_id);

      CREATE TABLE export_batches (
        job_id TEXT NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
        audience TEXT NOT NULL,
        seq INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        num_received INTEGER NOT NULL,
        num_invalid INTEGER NOT NULL,
        acked_at TEXT NOT NULL,
        PRIMARY KEY (job_id, audience, seq)
      ) STRICT;

      CREATE TABLE export_events (
        job_id TEXT NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (job_id, seq)
      ) STRICT;
    `);
  },
};
