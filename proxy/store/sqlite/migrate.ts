import type { DatabaseSync } from 'node:sqlite';
import { inTransaction, toText } from './database.ts';

/** One step of the schema; `version`s run in order, each exactly once per database. */
export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the database up to the newest migration and returns the versions it applied. Safe to
 * run at every start-up and from two processes at once: each step re-checks inside its own
 * transaction.
 */
export function migrate(
  db: DatabaseSync,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): number[] {
  checkOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const newest = migrations.at(-1)?.version ?? 0;
  const current = currentVersion(db);
  if (current > newest) {
    throw new MigrationError(
      `The database is at schema version ${current}, newer than this relay knows (${newest}). Run the newer relay, or restore a backup.`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = inTransaction(db, () => {
      if (currentVersion(db) >= migration.version) return false;
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        toText(now()),
      );
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

function currentVersion(db: DatabaseSync): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
  return Number(row?.version ?? 0);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (versions run 1, 2, 3… without gaps).`,
      );
    }
  });
}
