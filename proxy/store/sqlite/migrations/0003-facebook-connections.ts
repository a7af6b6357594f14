import type { Migration } from '../migrate.ts';

export const facebookConnections: Migration = {
  version: 3,
  name: 'facebook tokens, connected ad accounts and OAuth states',
  up(db) {
    db.exec(`
      -- The tokens themselves are encrypted secrets; these rows only describe them.
      CREATE TABLE facebook_tokens (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'system_user')),
        facebook_user_id TEXT NOT NULL,
        facebook_user_name TEXT,
        token_type TEXT NOT NULL,
        scopes TEXT NOT NULL,
        expires_at TEXT,
        data_access_expires_at TEXT,
        connected_at TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        invalid_code TEXT,
        invalid_message TEXT,
        invalid_at TEXT,
        PRIMARY KEY (workspace_id, kind)
      ) STRICT;

      CREATE TABLE facebook_ad_accounts (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        ad_account_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        business_id TEXT,
        business_name TEXT,
        account_status INTEGER NOT NULL,
        custom_audience_tos INTEGER CHECK (custom_audience_tos IN (0, 1)),
        accessible INTEGER NOT NULL CHECK (accessible IN (0, 1)),
        connected_at TEXT NOT NULL,
        checked_at TEXT,
        PRIMARY KEY (workspace_id, ad_account_id)
      ) STRICT;

      CREATE TABLE facebook_oauth_states (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
      CREATE INDEX facebook_oauth_states_by_expiry ON facebook_oauth_states (expires_at);
    `);
  },
};
