import type { SourceField } from '../../../shared/column-mapping.ts';
import type {
  UploadPreviewRequest,
  UploadPreviewResponse,
} from '../../../shared/relay-api/uploads.ts';
import type { ColumnTarget } from '../column-names.ts';
import { type FileFormat, readFileSource } from './read-file-source.ts';
import { UnreadableFileError } from './unreadable-file-error.ts';

export interface PreviewOptions extends UploadPreviewRequest {
  /** Data rows read at most: enough to see a file's shape, bounded for a huge one. */
  maxRows?: number;
  /** Columns listed at most (a file of random NDJSON keys must not make a huge answer). */
  maxColumns?: number;
  /** Malformed rows listed by line at most. */
  maxSample?: number;
}

export const PREVIEW_ROWS = 10_000;

/**
 * How an export would read a file, from its first rows: the format, each column and the field
 * it feeds (the mapping over the recognised names, as an export applies them: the first
 * column for a field wins), and the rows it could not read. A file whose columns feed no
 * field is previewed all the same (no rows read, every `field` null) so that a mapping can
 * fix it; other `UnreadableFileError`s are thrown, as the export would.
 */
export async function previewFile(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  { format, mapping, maxRows = PREVIEW_ROWS, maxColumns = 200, maxSample = 20 }: PreviewOptions,
): Promise<UploadPreviewResponse> {
  let chosen: FileFormat = format ?? 'csv';
  const targets = new Map<string, ColumnTarget>();
  const items = readFileSource(body, {
    ...(format && { format }),
    ...(mapping && { mapping }),
    onFormat: (read) => {
      chosen = read;
    },
    onColumn: (name, target) => {
      if (targets.size < maxColumns && !targets.has(name)) targets.set(name, target);
    },
  });
  let rowsRead = 0;
  let malformed = 0;
  let complete = true;
  const malformedSample: UploadPreviewResponse['malformedSample'] = [];
  try {
    for await (const item of items) {
      if (item.kind === 'unmapped-column') continue;
      if (rowsRead === maxRows) {
        // Leaving the loop stops the reader, and with it the read of the upload.
        complete = false;
        break;
      }
      rowsRead++;
      if (item.kind !== 'problem') continue;
      malformed++;
      if (malformedSample.length < maxSample) {
        malformedSample.push({ line: item.line, problem: item.problem });
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError) || error.reason !== 'no_known_columns') throw error;
    complete = false;
  }
  return {
    format: chosen,
    columns: listColumns(targets),
    rowsRead,
    malformed,
    malformedSample,
    complete,
  };
}

function listColumns(targets: Map<string, ColumnTarget>): UploadPreviewResponse['columns'] {
  const fed = new Set<SourceField>();
  const columns: UploadPreviewResponse['columns'] = [];
  for (const [name, target] of targets) {
    if (target.kind === 'field' && !fed.has(target.field)) {
      fed.add(target.field);
      columns.push({ name, field: target.field });
    } else if (name.trim() !== '') {
      columns.push({ name, field: null });
    }
  }
  return columns;
}
