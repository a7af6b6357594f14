import { deriveUuid } from '../ids.ts';
import type { Segment } from '../segments/segment.ts';
import type { Projection } from '../users/export-fields.ts';

export type OutputFormat = 'zip' | 'gzip';

export interface ExportJob {
  /** `<uuid>-<epoch seconds>`, the "filename prefix" Braze returns. */
  prefix: string;
  segment: Segment;
  projection: Projection;
  outputFormat: OutputFormat;
  url: string;
  callbackEndpoint?: string;
  /** What became of the callback: sent, or failed with the reason. */
  callback: 'none' | 'pending' | 'sent' | `failed: ${string}`;
  startedAt: number;
  readyAt: number;
  expiresAt: number;
  cancelled: boolean;
}

export type ExportState = 'pending' | 'ready' | 'expired' | 'cancelled';

export interface ExportJobOptions {
  seed: string;
  now: () => Date;
  fetch: typeof fetch;
  /** How long an export takes before its URL answers. */
  delayMs: number;
  /** How long a ready URL keeps working. */
  ttlHours: number;
  /** Braze's cap on concurrent segment exports per company. */
  maxConcurrent: number;
}

export type StartResult = { job: ExportJob } | { refused: 'segment-busy' | 'too-many' };

/** Segment exports in flight and done: asynchronous, one per segment at a time (§1.4). */
export function createExportJobs(options: ExportJobOptions) {
  const jobs = new Map<string, ExportJob>();
  let started = 0;
  let delayMs = options.delayMs;
  const now = () => options.now().getTime();

  const state = (job: ExportJob, at = now()): ExportState => {
    if (job.cancelled) return 'cancelled';
    if (at < job.readyAt) return 'pending';
    return at < job.expiresAt ? 'ready' : 'expired';
  };
  const pending = () => [...jobs.values()].filter((job) => state(job) === 'pending');

  /** Sends the callbacks of exports that became ready; runs on timers, requests and clock moves. */
  const poll = () => {
    for (const job of jobs.values()) {
      if (job.callback !== 'pending' || state(job) === 'pending') continue;
      if (state(job) !== 'ready') {
        job.callback = `failed: export ${state(job)}`;
        continue;
      }
      job.callback = 'sent';
      options
        .fetch(job.callbackEndpoint as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ success: true, url: job.url }),
        })
        .catch((error: unknown) => {
          job.callback = `failed: ${error instanceof Error ? error.message : String(error)}`;
        });
    }
  };

  return {
    state,
    poll,
    start(input: {
      segment: Segment;
      projection: Projection;
      outputFormat: OutputFormat;
      callbackEndpoint?: string;
      /** Where downloads are served, e.g. `http://127.0.0.1:1234/storage/segment-export`. */
      storageUrl: string;
    }): StartResult {
      const inFlight = pending();
      if (inFlight.some((job) => job.segment.apiId === input.segment.apiId)) {
        return { refused: 'segment-busy' };
      }
      if (inFlight.length >= options.maxConcurrent) return { refused: 'too-many' };
      const startedAt = now();
      started += 1;
      const prefix = `${deriveUuid(options.seed, ['export', started])}-${Math.floor(startedAt / 1000)}`;
      const extension = input.outputFormat === 'zip' ? 'zip' : 'gz';
      const job: ExportJob = {
        prefix,
        segment: input.segment,
        projection: input.projection,
        outputFormat: input.outputFormat,
        url: `${input.storageUrl}/${prefix}.${extension}`,
        callbackEndpoint: input.callbackEndpoint,
        callback: input.callbackEndpoint ? 'pending' : 'none',
        startedAt,
        readyAt: startedAt + delayMs,
        expiresAt: startedAt + delayMs + options.ttlHours * 3_600_000,
        cancelled: false,
      };
      jobs.set(prefix, job);
      if (job.callbackEndpoint) setTimeout(poll, delayMs + 1).unref();
      return { job };
    },
    find: (prefix: string) => jobs.get(prefix),
    list: () => [...jobs.values()],
    /** Cancels every running export of the segment; returns how many. */
    cancel(segmentApiId: string): number {
      const running = pending().filter((job) => job.segment.apiId === segmentApiId);
      for (const job of running) job.cancelled = true;
      return running.length;
    },
    setDelayMs(ms: number) {
      delayMs = ms;
    },
    reset() {
      jobs.clear();
      delayMs = options.delayMs;
    },
  };
}

export type ExportJobs = ReturnType<typeof createExportJobs>;
