import type { CreateExportRequest } from '../../shared/relay-api/exports.ts';

/**
 * What an export reads, as the export form and progress view need it: a dashboard segment or
 * an uploaded file. `request` is null while the source cannot be exported yet (`unavailable`
 * says why, e.g. a segment page that does not show its API identifier).
 */
export type ExportSource = {
  /** Audiences are named after it: `<name> — Email`. */
  name: string;
  /** Finds this source's latest export again when the view opens anew. */
  key: string;
} & (
  | { request: CreateExportRequest['source']; unavailable?: never }
  | { request: null; unavailable: string }
);
