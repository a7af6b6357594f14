import type { DatabaseSync } from 'node:sqlite';
import type { EncryptionKeyRecord, EncryptionKeyRepository } from '../encryption-keys.ts';
import { fromNullableText, fromText, inTransaction, toText } from './database.ts';

type Row = Record<string, unknown>;

const toKey = (row: Row): EncryptionKeyRecord => ({
  kid: String(row.kid),
  secretFingerprint: String(row.secret_fingerprint),
  createdAt: fromText(String(row.created_at)),
  active: Number(row.active) === 1,
  retiredAt: fromNullableText(row.retired_at),
});

export function sqliteEncryptionKeys(db: DatabaseSync): EncryptionKeyRepository {
  const active = db.prepare('SELECT * FROM encryption_keys WHERE active = 1');
  const byKid = db.prepare('SELECT * FROM encryption_keys WHERE kid = ?');
  const all = db.prepare('SELECT * FROM encryption_keys ORDER BY created_at, kid');
  const insertActive = db.prepare(`INSERT INTO encryption_keys
    (kid, secret_fingerprint, created_at, active) VALUES (?, ?, ?, 1)`);
  const deactivateAll = db.prepare('UPDATE encryption_keys SET active = 0 WHERE active = 1');
  const retire = db.prepare(
    'UPDATE encryption_keys SET retired_at = COALESCE(retired_at, ?) WHERE kid = ? AND active = 0',
  );
  const readActive = () => {
    const row = active.get();
    return row ? toKey(row) : undefined;
  };
  return {
    async active() {
      return readActive();
    },
    async get(kid) {
      const row = byKid.get(kid);
      return row ? toKey(row) : undefined;
    },
    async list() {
      return all.all().map(toKey);
    },
    async ensureActive(candidate) {
      return inTransaction(db, () => {
        const current = readActive();
        if (current) return current;
        insertActive.run(candidate.kid, candidate.secretFingerprint, toText(candidate.createdAt));
        return { ...candidate, active: true, retiredAt: null };
      });
    },
    async activate(record) {
      inTransaction(db, () => {
        deactivateAll.run();
        insertActive.run(record.kid, record.secretFingerprint, toText(record.createdAt));
      });
    },
    async retire(kid, at) {
      retire.run(toText(at), kid);
    },
  };
}
