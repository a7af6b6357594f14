import { ApiError } from '../http/api-error.ts';
import { readFileSource } from '../sources/file/read-file-source.ts';
import type { UploadSpool } from '../sources/file/upload-spool.ts';
import type { SourceItem } from '../sources/source-item.ts';
import type { ExportJobRecord } from '../store/export-jobs.ts';
import { brazeSnapshotId } from './braze-snapshot.ts';
import type { ExportSources } from './export-jobs.ts';

/** The spool file a job reads its users from: its upload, or its copy of a Braze export. */
export const spoolIdOf = (job: ExportJobRecord): string =>
  job.spec.source.kind === 'file' ? job.spec.source.uploadId : brazeSnapshotId(job.id);

/** Reads one kind of source for an export job (Braze segments, later others). */
export interface SegmentSource {
  check(workspaceId: string, segmentId: string): Promise<void>;
  open(job: ExportJobRecord, segmentId: string, signal: AbortSignal): AsyncIterable<SourceItem>;
  release(job: ExportJobRecord): void;
}

/** File uploads from the encrypted spool, and Braze segments when a Braze source is given. */
export function createExportSources({
  spool,
  braze,
}: {
  spool: UploadSpool;
  braze?: SegmentSource;
}): ExportSources {
  const noBraze = () => new ApiError('braze_not_configured');
  return {
    async check(workspaceId, source) {
      if (source.kind === 'braze') {
        if (!braze) throw noBraze();
        await braze.check(workspaceId, source.segmentId);
      } else if (!spool.exists(workspaceId, source.uploadId)) {
        throw new ApiError('upload_not_found', `No upload ${source.uploadId} in this workspace.`);
      }
    },
    open(job, signal) {
      const source = job.spec.source;
      if (source.kind === 'braze') {
        if (!braze) throw noBraze();
        return braze.open(job, source.segmentId, signal);
      }
      if (!spool.exists(job.workspaceId, source.uploadId)) {
        throw new ApiError('upload_not_found', `The upload of export ${job.id} is gone.`);
      }
      return readFileSource(spool.read(job.workspaceId, source.uploadId), {
        ...(source.format ? { format: source.format } : {}),
        ...(source.mapping ? { mapping: source.mapping } : {}),
      });
    },
    release(job) {
      if (job.spec.source.kind === 'file') spool.remove(job.workspaceId, job.spec.source.uploadId);
      else braze?.release(job);
    },
  };
}
