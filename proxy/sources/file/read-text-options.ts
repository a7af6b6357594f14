import type { ColumnNames } from '../column-names.ts';

/** What the CSV and NDJSON readers share. */
export interface ReadTextOptions {
  columns: ColumnNames;
  /** Characters; a longer line (a CSV record, an NDJSON line) is a per-line problem. */
  maxLineLength: number;
}
