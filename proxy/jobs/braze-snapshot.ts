import { planAudiences } from '../../shared/audience-plan.ts';
import type { BrazeSettings } from '../sources/braze/braze-settings.ts';
import type { BrazeExportCallbacks } from '../sources/braze/export-callbacks.ts';
import { brazeExportFields } from '../sources/braze/export-fields.ts';
import { openBrazeSegmentExport } from '../sources/braze/segment-export.ts';
import { decodeUtf8 } from '../sources/file/decode-text.ts';
import { LineSplitter, type TextLine } from '../sources/file/line-splitter.ts';
import type { UploadSpool } from '../sources/file/upload-spool.ts';
import type { SourceItem } from '../sources/source-item.ts';
import type { ExportJobRecord } from '../store/export-jobs.ts';
import type { SegmentSource } from './export-sources.ts';

/** The spool id of a job's copy of its Braze export. */
export const brazeSnapshotId = (jobId: string) => `braze-${jobId}`;

/**
 * Braze segments as a job source that reads the same users on every run. A new Braze export
 * after a crash may hold other users in another order (users join and leave segments, file
 * order is not promised), which would break resuming by batch number. So the first run copies
 * the export, as it streams, into the encrypted spool (`exporting`), and every run, the first
 * included, reads that copy (`filtering`, `uploading`). The copy goes when the export ends.
 */
export function createBrazeSnapshotSource({
  braze,
  spool,
  callbacks,
  sleep,
}: {
  braze: BrazeSettings;
  spool: UploadSpool;
  /** When the relay has a public URL: Braze calls back when an export is ready. */
  callbacks?: BrazeExportCallbacks;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}): SegmentSource {
  return {
    async check(workspaceId) {
      await braze.client(workspaceId);
    },
    async *open(job, segmentId, signal) {
      const id = brazeSnapshotId(job.id);
      if (!spool.exists(job.workspaceId, id)) {
        const items = await brazeItems(job, segmentId, signal);
        await spool.write(job.workspaceId, encodeItems(items), id);
      }
      yield* decodeItems(spool.read(job.workspaceId, id));
    },
    release(job) {
      spool.remove(job.workspaceId, brazeSnapshotId(job.id));
    },
  };

  async function brazeItems(job: ExportJobRecord, segmentApiId: string, signal: AbortSignal) {
    const keys = [...new Set(planAudiences(job.spec.plan).flatMap((audience) => audience.keys))];
    const { fields, customAttributes } = brazeExportFields(keys, job.spec.consent);
    return openBrazeSegmentExport({
      client: await braze.client(job.workspaceId),
      segmentApiId,
      fields,
      customAttributes,
      signal,
      ...(callbacks ? { callbacks } : {}),
      ...(sleep ? { sleep } : {}),
    });
  }
}

/** One JSON line per item: the spool holds bytes. */
async function* encodeItems(items: AsyncIterable<SourceItem>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let lines: string[] = [];
  for await (const item of items) {
    lines.push(JSON.stringify(item));
    if (lines.length === 1000) {
      yield encoder.encode(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) yield encoder.encode(`${lines.join('\n')}\n`);
}

async function* decodeItems(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SourceItem> {
  // The relay wrote these lines itself: no line is too long or malformed.
  const splitter = new LineSplitter(Number.MAX_SAFE_INTEGER);
  const lines: TextLine[] = [];
  const parse = function* () {
    for (const line of lines.splice(0)) {
      if ('text' in line && line.text) yield JSON.parse(line.text) as SourceItem;
    }
  };
  for await (const text of decodeUtf8(bytes)) {
    splitter.push(text, lines);
    yield* parse();
  }
  splitter.end(lines);
  yield* parse();
}
