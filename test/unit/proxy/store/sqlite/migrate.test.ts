import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import {
  type Migration,
  MigrationError,
  migrate,
} from '../../../../../proxy/store/sqlite/migrate.ts';

const table = (version: number, name: string): Migration => ({
  version,
  name: `create ${name}`,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY)`),
});

const tables = (db: DatabaseSync) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

describe('migrate', () => {
  it('applies pending migrations in order, once', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, [table(1, 'a')])).toEqual([1]);
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toEqual([2]);
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toEqual([]);
    expect(tables(db)).toEqual(['a', 'b', 'schema_migrations']);
  });

  it('records when and what it applied', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [table(1, 'a')], () => new Date('2026-01-02T03:04:05Z'));
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'create a', applied_at: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('rolls a failing migration back entirely', () => {
    const db = new DatabaseSync(':memory:');
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up: (inner) => inner.exec('CREATE TABLE half (id INTEGER); SELECT * FROM missing;'),
    };
    expect(() => migrate(db, [table(1, 'a'), broken])).toThrow(/missing/);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toEqual([2]);
  });

  it('refuses a database migrated by a newer relay', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [table(1, 'a'), table(2, 'b')]);
    expect(() => migrate(db, [table(1, 'a')])).toThrow(MigrationError);
    expect(() => migrate(db, [table(1, 'a')])).toThrow(/schema version 2, newer/);
  });

  it('refuses a list with gaps or out of order', () => {
    const db = new DatabaseSync(':memory:');
    expect(() => migrate(db, [table(1, 'a'), table(3, 'c')])).toThrow(/expected 2/);
    expect(() => migrate(db, [table(2, 'b'), table(1, 'a')])).toThrow(/expected 1/);
  });
});
