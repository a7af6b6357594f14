import type { Logger } from '../log.ts';
import { type Repeating, repeat, type Timers } from '../schedule/repeat.ts';
import type { SpooledUpload, UploadSpool } from '../sources/file/upload-spool.ts';
import type { ExportJobRepository } from '../store/export-jobs.ts';
import { spoolIdOf } from './export-sources.ts';

const HOUR_MS = 60 * 60 * 1000;

export interface UploadSweepOptions {
  spool: UploadSpool;
  jobs: Pick<ExportJobRepository, 'mayRunAgain'>;
  /** How long an upload no export uses is kept after it was written. */
  ttlMs: number;
  now?: () => Date;
}

/**
 * Deletes uploads older than the TTL that no export may still read: an upload never named
 * by an export would otherwise stay on disk (encrypted, but PII) for ever. An export that
 * ended for good already deleted its own; one that can still run or resume keeps it.
 */
export async function sweepUnusedUploads({
  spool,
  jobs,
  ttlMs,
  now = () => new Date(),
}: UploadSweepOptions): Promise<SpooledUpload[]> {
  const held = new Set(
    (await jobs.mayRunAgain()).map((job) => `${job.workspaceId}/${spoolIdOf(job)}`),
  );
  return spool.sweep(new Date(now().getTime() - ttlMs), (workspaceId, uploadId) =>
    held.has(`${workspaceId}/${uploadId}`),
  );
}

/** Sweeps at start-up, then every hour (or every TTL, when shorter). */
export function scheduleUploadSweep({
  logger,
  timers,
  ...options
}: UploadSweepOptions & { logger: Logger; timers?: Timers }): Repeating {
  return repeat({
    name: 'sweep of unused uploads',
    run: async () => {
      const deleted = await sweepUnusedUploads(options);
      if (deleted.length > 0) logger.info('deleted unused uploads', { count: deleted.length });
    },
    logger,
    intervalMs: Math.min(options.ttlMs, HOUR_MS),
    firstRunAfterMs: 0,
    ...(timers ? { timers } : {}),
  });
}
