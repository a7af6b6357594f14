import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ConsentOverrides } from '../../../shared/consent-settings.ts';
import type { MatchKey } from '../../../shared/match-keys.ts';
import type { SyncAction, SyncStatus } from '../../../shared/relay-api/syncs.ts';
import type { SyncChange, SyncRecord, SyncRepository } from '../syncs.ts';
import { fromNullableText, fromText, inTransaction, toNullableText, toText } from './database.ts';

type Row = Record<string, unknown>;
type Value = string | number | null;

const nullableText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const toSync = (row: Row): SyncRecord => ({
  id: String(row.id),
  workspaceId: String(row.workspace_id),
  name: String(row.name),
  status: String(row.status) as SyncStatus,
  adAccountId: nullableText(row.ad_account_id),
  audienceKind: nullableText(row.audience_kind) as SyncRecord['audienceKind'],
  audienceName: nullableText(row.audience_name),
  facebookAudienceId: nullableText(row.facebook_audience_id),
  action: String(row.action) as SyncAction,
  fields: JSON.parse(String(row.fields)) as MatchKey[],
  consent: JSON.parse(String(row.consent)) as ConsentOverrides,
  defaultCountry: nullableText(row.default_country),
  ingestSecretHash: String(row.ingest_secret_hash),
  secretRotatedAt: fromText(String(row.secret_rotated_at)),
  error:
    typeof row.error_code === 'string'
      ? { code: row.error_code, message: String(row.error_message ?? '') }
      : null,
  retryAfter: fromNullableText(row.retry_after),
  failingSince: fromNullableText(row.failing_since),
  counts: {
    entered: Number(row.entered),
    synced: Number(row.synced),
    notSynced: Number(row.not_synced),
    errored: Number(row.errored),
  },
  createdAt: fromText(String(row.created_at)),
  updatedAt: fromText(String(row.updated_at)),
  launchedAt: fromNullableText(row.launched_at),
});

/** Column and stored value of each changeable field. */
const CHANGE_COLUMNS: {
  [K in keyof Required<SyncChange>]: (value: Required<SyncChange>[K]) => [string, Value][];
} = {
  name: (value) => [['name', value]],
  status: (value) => [['status', value]],
  adAccountId: (value) => [['ad_account_id', value]],
  audienceKind: (value) => [['audience_kind', value]],
  audienceName: (value) => [['audience_name', value]],
  facebookAudienceId: (value) => [['facebook_audience_id', value]],
  action: (value) => [['action', value]],
  fields: (value) => [['fields', JSON.stringify(value)]],
  consent: (value) => [['consent', JSON.stringify(value)]],
  defaultCountry: (value) => [['default_country', value]],
  ingestSecretHash: (value) => [['ingest_secret_hash', value]],
  secretRotatedAt: (value) => [['secret_rotated_at', toText(value)]],
  error: (value) => [
    ['error_code', value?.code ?? null],
    ['error_message', value?.message ?? null],
  ],
  retryAfter: (value) => [['retry_after', toNullableText(value)]],
  failingSince: (value) => [['failing_since', toNullableText(value)]],
  launchedAt: (value) => [['launched_at', toNullableText(value)]],
};

/** The start of `now`'s minute, as stored in sync_minutes. */
const minuteOf = (now: Date): string =>
  toText(new Date(Math.floor(now.getTime() / 60_000) * 60_000));

type Counter = 'entered' | 'synced' | 'not_synced' | 'errored';

export function sqliteSyncs(db: DatabaseSync): SyncRepository {
  const insertSync = db.prepare(`INSERT INTO syncs
    (id, workspace_id, name, status, ad_account_id, audience_kind, audience_name,
     facebook_audience_id, action, fields, consent, default_country, ingest_secret_hash,
     secret_rotated_at, error_code, error_message, retry_after, failing_since, entered, synced,
     not_synced, errored, created_at, updated_at, launched_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const getSync = db.prepare('SELECT * FROM syncs WHERE workspace_id = ? AND id = ?');
  const getById = db.prepare('SELECT * FROM syncs WHERE id = ?');
  const listSyncs = db.prepare(
    'SELECT * FROM syncs WHERE workspace_id = ? ORDER BY created_at, rowid',
  );
  const listActive = db.prepare(
    "SELECT * FROM syncs WHERE status = 'active' ORDER BY created_at, rowid",
  );
  const deleteSync = db.prepare('DELETE FROM syncs WHERE workspace_id = ? AND id = ?');
  const insertUser = db.prepare(
    'INSERT INTO sync_queue (sync_id, rows, row_count, enqueued_at) VALUES (?, ?, ?, ?)',
  );
  const pending = db.prepare('SELECT COUNT(*) AS n FROM sync_queue WHERE sync_id = ?');
  const totalPending = db.prepare('SELECT COUNT(*) AS n FROM sync_queue');
  const oldest = db.prepare(
    'SELECT id, rows, row_count, enqueued_at FROM sync_queue WHERE sync_id = ? ORDER BY id LIMIT ?',
  );
  const removeUser = db.prepare('DELETE FROM sync_queue WHERE sync_id = ? AND id = ?');
  const removeBefore = db.prepare('DELETE FROM sync_queue WHERE sync_id = ? AND enqueued_at < ?');
  const series = db.prepare(`SELECT m.* FROM sync_minutes m JOIN syncs s ON s.id = m.sync_id
    WHERE s.workspace_id = ? AND m.sync_id = ? AND m.minute >= ? AND m.minute < ?
    ORDER BY m.minute`);
  // One statement per counter: column names cannot be parameters.
  const counting = (column: Counter): [StatementSync, StatementSync] => [
    db.prepare(`UPDATE syncs SET ${column} = ${column} + ? WHERE id = ?`),
    db.prepare(`INSERT INTO sync_minutes (sync_id, minute, ${column}) VALUES (?, ?, ?)
      ON CONFLICT (sync_id, minute) DO UPDATE SET ${column} = ${column} + excluded.${column}`),
  ];
  const counters: Record<Counter, [StatementSync, StatementSync]> = {
    entered: counting('entered'),
    synced: counting('synced'),
    not_synced: counting('not_synced'),
    errored: counting('errored'),
  };
  const count = (syncId: string, column: Counter, n: number, now: Date) => {
    if (n === 0) return;
    const [total, minute] = counters[column];
    total.run(n, syncId);
    minute.run(syncId, minuteOf(now), n);
  };

  return {
    async create(sync) {
      insertSync.run(
        sync.id,
        sync.workspaceId,
        sync.name,
        sync.status,
        sync.adAccountId,
        sync.audienceKind,
        sync.audienceName,
        sync.facebookAudienceId,
        sync.action,
        JSON.stringify(sync.fields),
        JSON.stringify(sync.consent),
        sync.defaultCountry,
        sync.ingestSecretHash,
        toText(sync.secretRotatedAt),
        sync.error?.code ?? null,
        sync.error?.message ?? null,
        toNullableText(sync.retryAfter),
        toNullableText(sync.failingSince),
        sync.counts.entered,
        sync.counts.synced,
        sync.counts.notSynced,
        sync.counts.errored,
        toText(sync.createdAt),
        toText(sync.updatedAt),
        toNullableText(sync.launchedAt),
      );
    },
    async get(workspaceId, id) {
      const row = getSync.get(workspaceId, id);
      return row ? toSync(row) : undefined;
    },
    async list(workspaceId) {
      return listSyncs.all(workspaceId).map(toSync);
    },
    async update(workspaceId, id, change, now) {
      const assignments: [string, Value][] = [['updated_at', toText(now)]];
      for (const [field, value] of Object.entries(change)) {
        if (value === undefined) continue;
        const columns = CHANGE_COLUMNS[field as keyof SyncChange] as (
          v: unknown,
        ) => [string, Value][];
        assignments.push(...columns(value));
      }
      const sql = `UPDATE syncs SET ${assignments.map(([column]) => `${column} = ?`).join(', ')}
        WHERE workspace_id = ? AND id = ?`;
      const result = db.prepare(sql).run(...assignments.map(([, value]) => value), workspaceId, id);
      return Number(result.changes) > 0;
    },
    async delete(workspaceId, id) {
      return Number(deleteSync.run(workspaceId, id).changes) > 0;
    },
    async getForIngest(id) {
      const row = getById.get(id);
      return row ? toSync(row) : undefined;
    },
    async listActive() {
      return listActive.all().map(toSync);
    },
    async enqueue(syncId, users, notSynced, now) {
      inTransaction(db, () => {
        const at = toText(now);
        for (const rows of users) insertUser.run(syncId, JSON.stringify(rows), rows.length, at);
        count(syncId, 'entered', users.length + notSynced, now);
        count(syncId, 'not_synced', notSynced, now);
      });
    },
    async pendingCount(syncId) {
      return Number(pending.get(syncId)?.n ?? 0);
    },
    async peekBatch(syncId, maxRows) {
      // A user has at least one row, so maxRows users always cover maxRows rows; the first
      // user is always taken, so an oversized one cannot stall the queue.
      const batch = [];
      let rows = 0;
      for (const row of oldest.all(syncId, maxRows)) {
        rows += Number(row.row_count);
        if (rows > maxRows && batch.length > 0) break;
        batch.push({
          id: Number(row.id),
          rows: JSON.parse(String(row.rows)) as string[][],
          enqueuedAt: fromText(String(row.enqueued_at)),
        });
      }
      return batch;
    },
    async acknowledge(syncId, userIds, now) {
      return inTransaction(db, () => {
        let removed = 0;
        for (const id of userIds) removed += Number(removeUser.run(syncId, id).changes);
        count(syncId, 'synced', removed, now);
        return removed;
      });
    },
    async giveUp(syncId, cutoff, now) {
      return inTransaction(db, () => {
        const removed = Number(removeBefore.run(syncId, toText(cutoff)).changes);
        count(syncId, 'errored', removed, now);
        return removed;
      });
    },
    async series(workspaceId, id, from, to) {
      return series.all(workspaceId, id, toText(from), toText(to)).map((row) => ({
        minute: fromText(String(row.minute)),
        entered: Number(row.entered),
        synced: Number(row.synced),
        notSynced: Number(row.not_synced),
        errored: Number(row.errored),
      }));
    },
    async totalPending() {
      return Number(totalPending.get()?.n ?? 0);
    },
  };
}
