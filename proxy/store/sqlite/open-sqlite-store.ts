import type { RelayStore } from '../store.ts';
import { sqliteApiKeys } from './api-keys.ts';
import { openDatabase } from './database.ts';
import { sqliteEncryptionKeys } from './encryption-keys.ts';
import { sqliteExportJobs } from './export-jobs.ts';
import { sqliteFacebookConnections } from './facebook-connections.ts';
import { type Migration, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { sqliteOAuthStates } from './oauth-states.ts';
import { sqliteSecrets } from './secrets.ts';
import { sqliteSyncs } from './syncs.ts';
import { sqliteWorkspaces } from './workspaces.ts';

export interface SqliteStoreOptions {
  dataDir: string;
  now?: () => Date;
  migrations?: readonly Migration[];
}

/** The default store: one SQLite file in the data directory, migrated before first use. */
export function openSqliteStore({
  dataDir,
  now = () => new Date(),
  migrations = MIGRATIONS,
}: SqliteStoreOptions): RelayStore {
  const db = openDatabase(dataDir);
  try {
    migrate(db, migrations, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    workspaces: sqliteWorkspaces(db),
    apiKeys: sqliteApiKeys(db),
    encryptionKeys: sqliteEncryptionKeys(db),
    secrets: sqliteSecrets(db),
    facebookConnections: sqliteFacebookConnections(db),
    oauthStates: sqliteOAuthStates(db),
    exportJobs: sqliteExportJobs(db, now),
    syncs: sqliteSyncs(db),
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
