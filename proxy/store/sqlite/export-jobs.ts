import type { DatabaseSync } from 'node:sqlite';
import type { ExportEvent, ExportPhase } from '../../../shared/export-events.ts';
import type { ExportReport } from '../../../shared/export-report.ts';
import type {
  AckedBatch,
  ExportAudienceRecord,
  ExportJobRecord,
  ExportJobRepository,
  ExportSpec,
} from '../export-jobs.ts';
import { fromNullableText, fromText, inTransaction, toNullableText, toText } from './database.ts';

type Row = Record<string, unknown>;

const toJob = (row: Row): ExportJobRecord => ({
  id: String(row.id),
  workspaceId: String(row.workspace_id),
  adAccountId: String(row.ad_account_id),
  status: String(row.status) as ExportPhase,
  spec: JSON.parse(String(row.spec)) as ExportSpec,
  report: typeof row.report === 'string' ? (JSON.parse(row.report) as ExportReport) : null,
  error:
    typeof row.error_code === 'string'
      ? { code: row.error_code, message: String(row.error_message ?? '') }
      : null,
  resumable: Number(row.resumable) === 1,
  cancelRequested: Number(row.cancel_requested) === 1,
  startedAt: fromText(String(row.started_at)),
  createdAt: fromText(String(row.created_at)),
  updatedAt: fromText(String(row.updated_at)),
  finishedAt: fromNullableText(row.finished_at),
});

const toAudience = (row: Row): ExportAudienceRecord => ({
  audience: String(row.audience),
  name: String(row.name),
  facebookAudienceId: String(row.facebook_audience_id),
  sessionId: String(row.session_id),
});

const toBatch = (row: Row): AckedBatch => ({
  audience: String(row.audience),
  seq: Number(row.seq),
  rows: Number(row.rows),
  numReceived: Number(row.num_received),
  numInvalid: Number(row.num_invalid),
});

export function sqliteExportJobs(db: DatabaseSync, now: () => Date): ExportJobRepository {
  const insertJob = db.prepare(`INSERT INTO export_jobs
    (id, workspace_id, ad_account_id, status, spec, report, error_code, error_message, resumable,
     cancel_requested, started_at, created_at, updated_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const getJob = db.prepare('SELECT * FROM export_jobs WHERE workspace_id = ? AND id = ?');
  const listJobs = db.prepare(
    'SELECT * FROM export_jobs WHERE workspace_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const unfinished = db.prepare(
    `SELECT * FROM export_jobs WHERE status NOT IN ('done', 'failed', 'cancelled')
     ORDER BY created_at, rowid`,
  );
  const mayRunAgain = db.prepare(
    `SELECT * FROM export_jobs WHERE status NOT IN ('done', 'failed', 'cancelled')
       OR (status = 'failed' AND resumable = 1)`,
  );
  const setReport = db.prepare('UPDATE export_jobs SET report = ?, updated_at = ? WHERE id = ?');
  const requestCancel = db.prepare(
    `UPDATE export_jobs SET cancel_requested = 1, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND status NOT IN ('done', 'failed', 'cancelled')`,
  );
  const requeue = db.prepare(`UPDATE export_jobs SET status = 'queued', cancel_requested = 0,
      error_code = NULL, error_message = NULL, resumable = 0, finished_at = NULL, updated_at = ?
    WHERE id = ?`);
  const insertAudience = db.prepare(`INSERT INTO export_audiences
    (job_id, audience, name, facebook_audience_id, session_id) VALUES (?, ?, ?, ?, ?)`);
  const audiences = db.prepare('SELECT * FROM export_audiences WHERE job_id = ? ORDER BY rowid');
  const audienceOf = db.prepare(`SELECT a.* FROM export_audiences a
    JOIN export_jobs j ON j.id = a.job_id
    WHERE j.workspace_id = ? AND a.facebook_audience_id = ?`);
  const insertBatch = db.prepare(`INSERT INTO export_batches
    (job_id, audience, seq, rows, num_received, num_invalid, acked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const batches = db.prepare('SELECT * FROM export_batches WHERE job_id = ? ORDER BY rowid');
  const lastEvent = db.prepare('SELECT MAX(seq) AS seq FROM export_events WHERE job_id = ?');
  const insertEvent = db.prepare('INSERT INTO export_events (job_id, seq, data) VALUES (?, ?, ?)');
  const events = db.prepare(
    'SELECT seq, data FROM export_events WHERE job_id = ? AND seq > ? ORDER BY seq',
  );

  const append = (jobId: string, event: ExportEvent): number => {
    const seq = Number(lastEvent.get(jobId)?.seq ?? 0) + 1;
    insertEvent.run(jobId, seq, JSON.stringify(event));
    return seq;
  };

  return {
    async create(job) {
      insertJob.run(
        job.id,
        job.workspaceId,
        job.adAccountId,
        job.status,
        JSON.stringify(job.spec),
        job.report ? JSON.stringify(job.report) : null,
        job.error?.code ?? null,
        job.error?.message ?? null,
        job.resumable ? 1 : 0,
        job.cancelRequested ? 1 : 0,
        toText(job.startedAt),
        toText(job.createdAt),
        toText(job.updatedAt),
        toNullableText(job.finishedAt),
      );
    },
    async get(workspaceId, id) {
      const row = getJob.get(workspaceId, id);
      return row ? toJob(row) : undefined;
    },
    async list(workspaceId, limit) {
      return listJobs.all(workspaceId, limit).map(toJob);
    },
    async unfinished() {
      return unfinished.all().map(toJob);
    },
    async mayRunAgain() {
      return mayRunAgain.all().map(toJob);
    },
    async update(id, change, event) {
      const columns: string[] = ['updated_at = ?'];
      const values: (string | number | null)[] = [toText(now())];
      const set = (column: string, value: string | number | null) => {
        columns.push(`${column} = ?`);
        values.push(value);
      };
      if (change.status !== undefined) set('status', change.status);
      if (change.report !== undefined) set('report', JSON.stringify(change.report));
      if (change.error !== undefined) {
        set('error_code', change.error?.code ?? null);
        set('error_message', change.error?.message ?? null);
      }
      if (change.resumable !== undefined) set('resumable', change.resumable ? 1 : 0);
      if (change.finishedAt !== undefined) {
        set('finished_at', toNullableText(change.finishedAt));
      }
      return inTransaction(db, () => {
        db.prepare(`UPDATE export_jobs SET ${columns.join(', ')} WHERE id = ?`).run(...values, id);
        return event ? append(id, event) : undefined;
      });
    },
    async requestCancel(workspaceId, id) {
      return Number(requestCancel.run(toText(now()), workspaceId, id).changes) > 0;
    },
    async requeue(id, event) {
      return inTransaction(db, () => {
        requeue.run(toText(now()), id);
        return append(id, event);
      });
    },
    async addAudience(jobId, audience) {
      insertAudience.run(
        jobId,
        audience.audience,
        audience.name,
        audience.facebookAudienceId,
        audience.sessionId,
      );
    },
    async audiences(jobId) {
      return audiences.all(jobId).map(toAudience);
    },
    async jobOfAudience(workspaceId, facebookAudienceId) {
      const row = audienceOf.get(workspaceId, facebookAudienceId);
      if (!row) return undefined;
      const job = getJob.get(workspaceId, String(row.job_id));
      return job ? { job: toJob(job), audience: toAudience(row) } : undefined;
    },
    async ackBatch(jobId, batch, report, event) {
      return inTransaction(db, () => {
        const at = toText(now());
        insertBatch.run(
          jobId,
          batch.audience,
          batch.seq,
          batch.rows,
          batch.numReceived,
          batch.numInvalid,
          at,
        );
        setReport.run(JSON.stringify(report), at, jobId);
        return append(jobId, event);
      });
    },
    async ackedBatches(jobId) {
      return batches.all(jobId).map(toBatch);
    },
    async appendEvent(jobId, event) {
      return inTransaction(db, () => append(jobId, event));
    },
    async events(jobId, afterId) {
      return events.all(jobId, afterId).map((row) => ({
        id: Number(row.seq),
        event: JSON.parse(String(row.data)) as ExportEvent,
      }));
    },
  };
}
