import { randomInt } from 'node:crypto';
import { planAudiences } from '../../shared/audience-plan.ts';
import type { ExportEvent, ExportPhase } from '../../shared/export-events.ts';
import type { ExportReport } from '../../shared/export-report.ts';
import { exportPipeline } from '../exports/export-pipeline.ts';
import { type RetryPolicy, uploadBatch } from '../exports/upload/upload-batch.ts';
import type { WorkspaceGraphs } from '../facebook/connection/workspace-graph.ts';
import { ApiError } from '../http/api-error.ts';
import type { Logger } from '../log.ts';
import { UnreadableFileError } from '../sources/file/unreadable-file-error.ts';
import type { SourceItem } from '../sources/source-item.ts';
import type {
  AckedBatch,
  ExportJobChange,
  ExportJobRecord,
  ExportJobRepository,
} from '../store/export-jobs.ts';
import { ensureExportAudiences } from './export-audiences.ts';
import type { ExportEventHub } from './export-event-hub.ts';
import type { StopReason } from './export-queue.ts';

export interface ExportRunnerDeps {
  jobs: ExportJobRepository;
  graphs: WorkspaceGraphs;
  hub: ExportEventHub;
  /** The job's users, read afresh on every run (a resumed run reads them again). */
  openSource(job: ExportJobRecord, signal: AbortSignal): AsyncIterable<SourceItem>;
  /** After a job ended for good (done, cancelled, failed for good): e.g. delete its upload. */
  onEnded?(job: ExportJobRecord): void;
  logger: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: RetryPolicy;
  newSessionId?: () => string;
}

/** Classes where a person fixes something at Facebook and the same job can then continue. */
const RESUMABLE_CLASSES = new Set([
  'reauthorize',
  'terms',
  'access',
  'integrity',
  'throttled',
  'transient',
]);
/** …except an audience that is gone: its session cannot continue anywhere. */
const FOR_GOOD = new Set(['facebook_audience_not_found']);

const FIELD_LABELS: Record<string, string> = {
  EMAIL: 'Email',
  PHONE: 'Phone number',
  MADID: 'Device IDFA',
  MULTI_KEY: 'Multi-key',
};

/** `<segment> — Email`, as Braze names them; editable per export. */
export function defaultAudienceName(sourceName: string, audience: string): string {
  return `${sourceName} — ${FIELD_LABELS[audience] ?? audience}`;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one export job from wherever it stopped: checks the ad account and creates the
 * audiences it has not created yet, reads the source through the pipeline, skips every batch
 * Meta already acknowledged and uploads the rest, recording each acknowledgement with the
 * report and a progress event in one transaction. Every phase, retry and error is an event.
 */
export function createExportRunner({
  jobs,
  graphs,
  hub,
  openSource,
  onEnded,
  logger,
  now = () => new Date(),
  sleep = sleepFor,
  random = Math.random,
  retry,
  newSessionId = () => String(randomInt(1, 2 ** 47)),
}: ExportRunnerDeps) {
  const at = () => now().toISOString();
  const emit = async (jobId: string, event: ExportEvent, change: ExportJobChange = {}) => {
    const id = await jobs.update(jobId, change, event);
    if (id !== undefined) hub.publish(jobId, id, event);
  };
  const phase = (jobId: string, value: ExportPhase, audience?: string) =>
    emit(
      jobId,
      { type: 'phase', phase: value, ...(audience ? { audience } : {}), at: at() },
      value === 'uploading' ||
        value === 'filtering' ||
        value === 'exporting' ||
        value === 'resolving'
        ? { status: value }
        : {},
    );

  async function upload(job: ExportJobRecord, signal: AbortSignal): Promise<ExportReport> {
    const graph = await graphs.for(job.workspaceId);
    const audiences = await ensureExportAudiences({ jobs, graph, job, newSessionId });
    const byId = new Map(audiences.map((audience) => [audience.audience, audience]));
    const acked = new Map<string, AckedBatch>();
    for (const batch of await jobs.ackedBatches(job.id))
      acked.set(`${batch.audience}:${batch.seq}`, batch);
    const planned = planAudiences(job.spec.plan);

    await phase(job.id, 'exporting');
    const pipeline = exportPipeline(openSource(job, signal), {
      plan: job.spec.plan,
      consent: job.spec.consent,
      defaultCountry: job.spec.defaultCountry,
      now: () => job.startedAt,
      batchSize: job.spec.batchSize,
    });
    const withMeta = () => reportWithMeta(pipeline.report(), [...acked.values()]);
    const startedMs = now().getTime();
    let sentThisRun = 0;
    let filtering = false;
    let uploading: string | undefined;
    for await (const batch of pipeline.batches) {
      signal.throwIfAborted();
      if (!filtering) {
        filtering = true;
        await phase(job.id, 'filtering');
      }
      if (acked.has(`${batch.audience}:${batch.seq}`)) continue;
      const audience = byId.get(batch.audience);
      const schema = planned.find((p) => p.id === batch.audience)?.schema;
      if (!audience || schema === undefined)
        throw new Error(`No audience ${batch.audience} for job ${job.id}.`);
      if (uploading !== batch.audience) {
        uploading = batch.audience;
        await phase(job.id, 'uploading', batch.audience);
      }
      const receipt = await uploadBatch(
        graph,
        {
          adAccountId: job.adAccountId,
          facebookAudienceId: audience.facebookAudienceId,
          sessionId: audience.sessionId,
          schema,
          batch,
        },
        {
          sleep,
          random,
          signal,
          ...(retry ? { retry } : {}),
          onRetry: (error) =>
            emit(job.id, {
              type: 'error',
              code: error.code,
              message: error.message,
              retrying: true,
              audience: batch.audience,
              at: at(),
            }),
        },
      );
      const record: AckedBatch = {
        audience: batch.audience,
        seq: batch.seq,
        rows: batch.size,
        numReceived: receipt.numReceived,
        numInvalid: receipt.numInvalid,
      };
      acked.set(`${batch.audience}:${batch.seq}`, record);
      sentThisRun += record.rows;
      const report = withMeta();
      const seconds = Math.max(0.001, (now().getTime() - startedMs) / 1000);
      const event = progressEvent(report, [...acked.values()], sentThisRun / seconds, at());
      const id = await jobs.ackBatch(job.id, record, report, event);
      hub.publish(job.id, id, event);
    }
    return withMeta();
  }

  return async function run(job: ExportJobRecord, signal: AbortSignal): Promise<void> {
    const end = async (status: 'done' | 'failed' | 'cancelled', change: ExportJobChange = {}) => {
      const resumable = change.resumable ?? false;
      await emit(
        job.id,
        { type: 'end', status, resumable, at: at() },
        { status, finishedAt: now(), resumable, ...change },
      );
      if (!resumable) onEnded?.(job);
    };
    try {
      if (job.cancelRequested) throw new DOMException('cancelled', 'AbortError');
      await phase(job.id, 'resolving');
      const report = await upload(job, signal);
      await end('done', { report });
    } catch (error) {
      const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
      if (reason === 'shutdown') return; // left running: resumed at the next start
      const current = await jobs.get(job.workspaceId, job.id);
      if (reason === 'cancel' || current?.cancelRequested) {
        await end('cancelled');
        return;
      }
      const apiError = error instanceof ApiError ? error : undefined;
      if (!apiError && !(error instanceof UnreadableFileError))
        logger.error('export failed', { jobId: job.id, error: String(error) });
      const unreadable = error instanceof UnreadableFileError ? error : undefined;
      const code = apiError?.code ?? unreadable?.code ?? 'internal';
      const message =
        apiError?.message ?? unreadable?.message ?? 'The export stopped on an unexpected error.';
      const errorClass =
        (apiError?.details.facebook as { errorClass?: string } | undefined)?.errorClass ??
        (code.startsWith('facebook_') ? classOfRelayCheck(code) : undefined);
      const resumable =
        errorClass !== undefined && RESUMABLE_CLASSES.has(errorClass) && !FOR_GOOD.has(code);
      await emit(job.id, { type: 'error', code, message, retrying: false, at: at() });
      await end('failed', { error: { code, message }, resumable });
    }
  };
}

/** The classes of the checks the relay makes itself before calling Meta. */
function classOfRelayCheck(code: string): string | undefined {
  if (code === 'facebook_custom_audience_terms_not_accepted') return 'terms';
  if (code === 'facebook_ad_account_not_visible') return 'access';
  if (code === 'facebook_not_connected' || code.startsWith('facebook_token')) return 'reauthorize';
  return undefined;
}

/**
 * The pipeline's report with Meta's counts per audience: `received` is the session's
 * `num_received` (Meta counts the whole session), `invalid` the sum of each answer's
 * `num_invalid_entries`.
 */
export function reportWithMeta(report: ExportReport, acked: readonly AckedBatch[]): ExportReport {
  for (const audience of report.audiences) {
    const mine = acked.filter((batch) => batch.audience === audience.audience);
    audience.meta =
      mine.length === 0
        ? null
        : {
            received: Math.max(...mine.map((batch) => batch.numReceived)),
            invalid: mine.reduce((sum, batch) => sum + batch.numInvalid, 0),
          };
  }
  return report;
}

function progressEvent(
  report: ExportReport,
  acked: readonly AckedBatch[],
  rowsPerSecond: number,
  at: string,
): ExportEvent {
  const audiences = report.audiences.map((audience) => {
    const mine = acked.filter((batch) => batch.audience === audience.audience);
    return {
      audience: audience.audience,
      sent: mine.reduce((sum, batch) => sum + batch.rows, 0),
      batches: mine.length,
      received: audience.meta?.received ?? 0,
      invalid: audience.meta?.invalid ?? 0,
    };
  });
  return {
    type: 'progress',
    read: report.users.read,
    eligible: report.users.eligible,
    sent: audiences.reduce((sum, audience) => sum + audience.sent, 0),
    invalid: audiences.reduce((sum, audience) => sum + audience.invalid, 0),
    fields: report.audiences.flatMap((audience) =>
      audience.fields.map((field) => ({ audience: audience.audience, ...field })),
    ),
    audiences,
    rowsPerSecond: Math.round(rowsPerSecond),
    at,
  };
}
