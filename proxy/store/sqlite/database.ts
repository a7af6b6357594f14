import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The relay's one database file inside the data directory. */
export const DATABASE_FILE = 'relay.sqlite';

/** Opens (creating if needed) the database with the settings every connection needs. */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE);
  // Created owner-only up front: SQLite gives its -wal and -shm files the same permissions.
  closeSync(openSync(file, 'a', 0o600));
  const db = new DatabaseSync(file);
  // WAL lets the CLI write while the server reads; the busy timeout covers the short overlaps.
  db.exec(`
    PRAGMA busy_timeout = 5000;
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    PRAGMA foreign_keys = ON;
  `);
  return db;
}

/**
 * Runs `work` in a write transaction taken up front (IMMEDIATE), so two processes checking
 * and then writing the same rows cannot interleave.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Stored timestamps are ISO-8601 UTC text: readable, and they sort as they compare. */
export const toText = (date: Date): string => date.toISOString();
export const toNullableText = (date: Date | null | undefined): string | null =>
  date ? toText(date) : null;
export const fromText = (text: string): Date => new Date(text);
export const fromNullableText = (text: unknown): Date | null =>
  typeof text === 'string' ? new Date(text) : null;
