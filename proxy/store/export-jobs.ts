import type { AudiencePlan } from '../../shared/audience-plan.ts';
import type { ColumnMapping } from '../../shared/column-mapping.ts';
import type { ConsentSettings } from '../../shared/consent-settings.ts';
import type { ExportEvent, ExportPhase } from '../../shared/export-events.ts';
import type { ExportReport } from '../../shared/export-report.ts';

export type ExportSourceSpec =
  | {
      kind: 'file';
      uploadId: string;
      format?: 'csv' | 'ndjson';
      mapping?: ColumnMapping;
      name: string;
    }
  | { kind: 'braze'; segmentId: string; name: string };

/** What an export does, fixed when it is created: no PII, only names and choices. */
export interface ExportSpec {
  source: ExportSourceSpec;
  plan: AudiencePlan;
  consent: ConsentSettings;
  /** Plan audience id → the name its Facebook audience gets. */
  audienceNames: Record<string, string>;
  customerFileSource: string;
  defaultCountry?: string;
  batchSize?: number;
}

export interface ExportJobRecord {
  id: string;
  workspaceId: string;
  /** Numeric, without `act_`. */
  adAccountId: string;
  status: ExportPhase;
  spec: ExportSpec;
  report: ExportReport | null;
  error: { code: string; message: string } | null;
  resumable: boolean;
  cancelRequested: boolean;
  /** The export's pinned clock (birth years): a resumed run makes the same rows. */
  startedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The Facebook audience a plan audience fills, and its one upload session. */
export interface ExportAudienceRecord {
  audience: string;
  name: string;
  facebookAudienceId: string;
  /** Unique per ad account (reference §4.2); kept so a resumed run continues the session. */
  sessionId: string;
}

/** A batch Meta acknowledged: never sent again. */
export interface AckedBatch {
  audience: string;
  seq: number;
  rows: number;
  numReceived: number;
  numInvalid: number;
}

export interface StoredExportEvent {
  id: number;
  event: ExportEvent;
}

export type ExportJobChange = Partial<
  Pick<ExportJobRecord, 'status' | 'report' | 'error' | 'resumable' | 'finishedAt'>
>;

export interface ExportJobRepository {
  create(job: ExportJobRecord): Promise<void>;
  /** Undefined for another workspace's job, as for none. */
  get(workspaceId: string, id: string): Promise<ExportJobRecord | undefined>;
  /** Newest first. */
  list(workspaceId: string, limit: number): Promise<ExportJobRecord[]>;
  /** Operator only (start-up): every job that was queued or running, oldest first. */
  unfinished(): Promise<ExportJobRecord[]>;
  /** Operator only: every job that may still read its source (unfinished, or resumable). */
  mayRunAgain(): Promise<ExportJobRecord[]>;
  /** Applies `change` and appends `event` (when given) in one transaction; returns its id. */
  update(id: string, change: ExportJobChange, event?: ExportEvent): Promise<number | undefined>;
  requestCancel(workspaceId: string, id: string): Promise<boolean>;
  /** A re-queued job: no cancel request, no error. */
  requeue(id: string, event: ExportEvent): Promise<number>;
  addAudience(jobId: string, audience: ExportAudienceRecord): Promise<void>;
  audiences(jobId: string): Promise<ExportAudienceRecord[]>;
  /** The job an exported audience came from, within the workspace. */
  jobOfAudience(
    workspaceId: string,
    facebookAudienceId: string,
  ): Promise<{ job: ExportJobRecord; audience: ExportAudienceRecord } | undefined>;
  /**
   * Records an acknowledged batch, the job's report and a progress event in one transaction:
   * after a crash the job resumes exactly after the last acknowledged batch.
   */
  ackBatch(
    jobId: string,
    batch: AckedBatch,
    report: ExportReport,
    event: ExportEvent,
  ): Promise<number>;
  ackedBatches(jobId: string): Promise<AckedBatch[]>;
  appendEvent(jobId: string, event: ExportEvent): Promise<number>;
  /** Events after `afterId`, in order. */
  events(jobId: string, afterId: number): Promise<StoredExportEvent[]>;
}
