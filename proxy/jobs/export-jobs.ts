import { randomUUID } from 'node:crypto';
import { planAudiences } from '../../shared/audience-plan.ts';
import { resolveConsentSettings } from '../../shared/consent-settings.ts';
import type { ExportEvent } from '../../shared/export-events.ts';
import {
  adsManagerUrl,
  type CreateExportRequest,
  type ExportJobView,
} from '../../shared/relay-api/exports.ts';
import { consentDefaultsFor } from '../exports/consent/consent-defaults.ts';
import { ApiError } from '../http/api-error.ts';
import type { SourceItem } from '../sources/source-item.ts';
import type { ConsentDefaultsRepository } from '../store/consent-defaults.ts';
import type {
  ExportJobChange,
  ExportJobRecord,
  ExportJobRepository,
  ExportSourceSpec,
  StoredExportEvent,
} from '../store/export-jobs.ts';
import { ExportEventHub } from './export-event-hub.ts';
import { ExportQueue } from './export-queue.ts';
import { createExportRunner, defaultAudienceName, type ExportRunnerDeps } from './run-export.ts';

/** How each kind of source is read and, once its export ended, let go of. */
export interface ExportSources {
  /** Refuses (ApiError) a source the workspace cannot use, before the job is stored. */
  check(workspaceId: string, source: CreateExportRequest['source']): Promise<void>;
  open(job: ExportJobRecord, signal: AbortSignal): AsyncIterable<SourceItem>;
  release(job: ExportJobRecord): void;
}

export interface ExportJobsOptions
  extends Omit<ExportRunnerDeps, 'openSource' | 'onEnded' | 'hub' | 'jobs'> {
  jobs: ExportJobRepository;
  /** What an export that does not choose a filter gets: its workspace's defaults. */
  consentDefaults: ConsentDefaultsRepository;
  sources: ExportSources;
  perWorkspace?: number;
  perAdAccount?: number;
}

/** The export jobs of every workspace: create, list, follow, cancel, resume. */
export interface ExportJobs {
  create(workspaceId: string, request: CreateExportRequest): Promise<ExportJobView>;
  list(workspaceId: string, limit?: number): Promise<ExportJobView[]>;
  /** `not_found` for another workspace's job. */
  get(workspaceId: string, id: string): Promise<ExportJobView>;
  cancel(workspaceId: string, id: string): Promise<ExportJobView>;
  /** A failed, resumable job continues where it stopped. */
  resume(workspaceId: string, id: string): Promise<ExportJobView>;
  /** Stored events after `afterId`, then each new one, until the job ends or the relay stops. */
  follow(
    workspaceId: string,
    id: string,
    afterId: number,
    listener: (event: StoredExportEvent | 'closed') => void,
  ): Promise<{ backlog: StoredExportEvent[]; ended: boolean; stop: () => void }>;
  /** At start-up: queues every job that was queued or running when the relay stopped. */
  resumeUnfinished(): Promise<number>;
  close(): Promise<void>;
}

export function createExportJobs({
  jobs,
  consentDefaults,
  sources,
  perWorkspace,
  perAdAccount,
  ...runnerDeps
}: ExportJobsOptions): ExportJobs {
  const now = runnerDeps.now ?? (() => new Date());
  const hub = new ExportEventHub();
  const run = createExportRunner({
    ...runnerDeps,
    jobs,
    hub,
    openSource: (job, signal) => sources.open(job, signal),
    onEnded: (job) => sources.release(job),
  });
  const queue = new ExportQueue<ExportJobRecord>({
    run,
    ...(perWorkspace ? { perWorkspace } : {}),
    ...(perAdAccount ? { perAdAccount } : {}),
    onError: (job, error) =>
      runnerDeps.logger.error('export job crashed', { jobId: job.id, error: String(error) }),
  });
  const append = async (jobId: string, event: ExportEvent) =>
    hub.publish(jobId, await jobs.appendEvent(jobId, event), event);

  const find = async (workspaceId: string, id: string) => {
    const job = await jobs.get(workspaceId, id);
    if (!job) throw new ApiError('not_found', `No export ${id} in this workspace.`);
    return job;
  };
  const view = async (job: ExportJobRecord): Promise<ExportJobView> => ({
    id: job.id,
    status: job.status,
    adAccountId: job.adAccountId,
    source: { kind: job.spec.source.kind, name: job.spec.source.name },
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    resumable: job.resumable,
    audiences: (await jobs.audiences(job.id)).map((audience) => ({
      audience: audience.audience,
      name: audience.name,
      facebookAudienceId: audience.facebookAudienceId,
      adsManagerUrl: adsManagerUrl(job.adAccountId, audience.facebookAudienceId),
    })),
    report: job.report,
  });
  const queued = (): ExportEvent => ({ type: 'phase', phase: 'queued', at: now().toISOString() });
  /** Closes a job that is not running as cancelled, with its end event in the same write. */
  const endCancelled = async (job: ExportJobRecord, change: ExportJobChange) => {
    const event: ExportEvent = {
      type: 'end',
      status: 'cancelled',
      resumable: false,
      at: now().toISOString(),
    };
    hub.publish(
      job.id,
      (await jobs.update(job.id, { status: 'cancelled', ...change }, event)) ?? 0,
      event,
    );
    sources.release(job);
  };

  return {
    async create(workspaceId, request) {
      await sources.check(workspaceId, request.source);
      const sourceName =
        request.source.kind === 'braze'
          ? (request.source.segmentName ?? request.source.segmentId)
          : (request.source.name ?? 'Uploaded file');
      const source: ExportSourceSpec =
        request.source.kind === 'braze'
          ? { kind: 'braze', segmentId: request.source.segmentId, name: sourceName }
          : {
              kind: 'file',
              uploadId: request.source.uploadId,
              ...(request.source.format ? { format: request.source.format } : {}),
              ...(request.source.mapping ? { mapping: request.source.mapping } : {}),
              name: sourceName,
            };
      const audienceNames = Object.fromEntries(
        planAudiences(request.plan).map((audience) => [
          audience.id,
          request.audienceNames?.[audience.id] ?? defaultAudienceName(sourceName, audience.id),
        ]),
      );
      const at = now();
      const job: ExportJobRecord = {
        id: randomUUID(),
        workspaceId,
        adAccountId: request.adAccountId,
        status: 'queued',
        spec: {
          source,
          plan: request.plan,
          // Resolved once: a later change of the defaults never alters this job, resumed or not.
          consent: resolveConsentSettings(
            await consentDefaultsFor({ consentDefaults }, workspaceId),
            request.consent,
          ),
          audienceNames,
          customerFileSource: request.customerFileSource,
          ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
          ...(request.batchSize ? { batchSize: request.batchSize } : {}),
        },
        report: null,
        error: null,
        resumable: false,
        cancelRequested: false,
        startedAt: at,
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
      };
      await jobs.create(job);
      await append(job.id, queued());
      queue.enqueue(job);
      return view(job);
    },
    async list(workspaceId, limit = 50) {
      return Promise.all((await jobs.list(workspaceId, limit)).map(view));
    },
    async get(workspaceId, id) {
      return view(await find(workspaceId, id));
    },
    async cancel(workspaceId, id) {
      const job = await find(workspaceId, id);
      if (job.status === 'failed' && job.resumable) {
        // A stopped job is not running: cancelling it only closes it for good.
        await endCancelled(job, { resumable: false });
      } else if (await jobs.requestCancel(workspaceId, id)) {
        if (queue.stop(id, 'cancel')) await endCancelled(job, { finishedAt: now() });
      }
      return view(await find(workspaceId, id));
    },
    async resume(workspaceId, id) {
      const job = await find(workspaceId, id);
      if (job.status !== 'failed' || !job.resumable) {
        throw new ApiError(
          'export_not_resumable',
          `Export ${id} is ${job.status}; only a stopped export can be resumed.`,
        );
      }
      const event = queued();
      hub.publish(id, await jobs.requeue(id, event), event);
      queue.enqueue(await find(workspaceId, id));
      return view(await find(workspaceId, id));
    },
    async follow(workspaceId, id, afterId, listener) {
      const job = await find(workspaceId, id);
      const early: StoredExportEvent[] = [];
      let live = false;
      const stop = hub.subscribe(job.id, (event) => {
        if (live) listener(event);
        else if (event !== 'closed') early.push(event);
      });
      const stored = await jobs.events(job.id, afterId);
      const last = stored.at(-1)?.id ?? afterId;
      const backlog = [...stored, ...early.filter((event) => event.id > last)];
      live = true;
      const ended = backlog.at(-1)?.event.type === 'end';
      return { backlog, ended, stop };
    },
    async resumeUnfinished() {
      const unfinished = await jobs.unfinished();
      for (const job of unfinished) queue.enqueue(job);
      return unfinished.length;
    },
    async close() {
      hub.close();
      await queue.close();
    },
  };
}
