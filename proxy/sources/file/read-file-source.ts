import type { ColumnMapping } from '../../../shared/column-mapping.ts';
import { ColumnNames, type ColumnTarget } from '../column-names.ts';
import type { SourceItem } from '../source-item.ts';
import { decodeUtf8 } from './decode-text.ts';
import { readCsv } from './read-csv.ts';
import { readNdjson } from './read-ndjson.ts';
import { prepend } from './text-chunks.ts';

export type FileFormat = 'csv' | 'ndjson';

export interface FileSourceOptions {
  /** Read from the content when absent: a file whose first character is `{` is NDJSON. */
  format?: FileFormat;
  /** Column name → field (or null to ignore it); wins over the recognised header names. */
  mapping?: ColumnMapping;
  /** The longest line (CSV record, NDJSON line) read, in characters; longer ones are skipped. */
  maxLineLength?: number;
  /** Told the format the file is read as, once known. */
  onFormat?: (format: FileFormat) => void;
  /** Told each column name (CSV header, NDJSON key) and where it goes, as first read. */
  onColumn?: (name: string, target: ColumnTarget) => void;
}

/** 1 MiB of text: a Braze user with hundreds of attributes and devices fits many times over. */
export const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

/**
 * The users of an uploaded file (UTF-8 CSV or NDJSON), read as the bytes arrive, in constant
 * memory: never the whole file. Yields users, per-line problems and unmapped columns in file
 * order (see `SourceItem`). Throws `UnreadableFileError` for a file that cannot feed an export
 * at all.
 */
export async function* readFileSource(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  {
    format,
    mapping,
    maxLineLength = DEFAULT_MAX_LINE_LENGTH,
    onFormat,
    onColumn,
  }: FileSourceOptions = {},
): AsyncGenerator<SourceItem> {
  const options = { columns: new ColumnNames(mapping, onColumn), maxLineLength };
  const text = decodeUtf8(body);
  const { start, rest } = await untilContent(text, maxLineLength);
  const chunks = prepend(start, rest);
  const chosen = format ?? (start.trimStart().startsWith('{') ? 'ndjson' : 'csv');
  onFormat?.(chosen);
  yield* chosen === 'ndjson' ? readNdjson(chunks, options) : readCsv(chunks, options);
}

/** Reads until a character that is not white space arrives (or `limit` characters). */
async function untilContent(text: AsyncIterator<string>, limit: number) {
  let start = '';
  while (start.length <= limit) {
    const next = await text.next();
    if (next.done) break;
    start += next.value;
    if (/\S/.test(next.value)) break;
  }
  return { start, rest: text };
}
