import type { AudienceBatch } from '../../proxy/exports/batches/batch-rows.ts';
import { RawJson } from '../../proxy/facebook/graph/raw-json.ts';

/** The rows a batch carries, read back from its JSON bytes. */
export const rowsOf = (batch: AudienceBatch): string[][] =>
  JSON.parse(Buffer.from(batch.data.bytes).toString('utf8'));

/** Rows as a batch carries them. */
export const rawRows = (rows: readonly (readonly string[])[]): RawJson =>
  new RawJson(Buffer.from(JSON.stringify(rows)));
