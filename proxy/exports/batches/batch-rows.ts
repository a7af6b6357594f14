/** Meta takes at most this many rows per `/users` request (meta-custom-audiences-api.md §4.3). */
export const MAX_BATCH_ROWS = 10_000;

/** One row for one audience of the plan. */
export interface AudienceRow {
  audience: string;
  row: string[];
}

/**
 * The rows of one `/users` request. `seq` is the upload session's `batch_seq` (1, 2, … per
 * audience) and `last` its `last_batch_flag`; `rowsSoFar` counts this audience's rows up to
 * and including this batch.
 */
export interface AudienceBatch {
  audience: string;
  seq: number;
  rows: string[][];
  rowsSoFar: number;
  last: boolean;
}

export interface BatchRowsOptions {
  /** Every audience rows may name, in the plan's order (the order of the final batches). */
  audiences: readonly string[];
  /** At most `MAX_BATCH_ROWS`; lower for tests or a cautious uploader. */
  batchSize?: number;
}

/**
 * Groups rows into batches per audience, keeping their order. Deterministic: the same rows
 * give the same batches, numbered the same, which is what lets a job resume after a crash by
 * reading its source again and skipping the batches Meta acknowledged. A full batch is held
 * until the next row of its audience arrives (or the rows end), so that `last` is known
 * without a count in advance: at most one batch per audience is in memory.
 */
export async function* batchRows(
  rows: AsyncIterable<AudienceRow>,
  { audiences, batchSize = MAX_BATCH_ROWS }: BatchRowsOptions,
): AsyncGenerator<AudienceBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_ROWS) {
    throw new RangeError(`The batch size must be a whole number from 1 to ${MAX_BATCH_ROWS}.`);
  }
  const open = new Map(audiences.map((audience) => [audience, new OpenBatch(audience)]));
  for await (const { audience, row } of rows) {
    const batch = open.get(audience);
    if (batch === undefined) throw new Error(`No audience ${audience} in this plan.`);
    if (batch.rows.length === batchSize) yield batch.close(false);
    batch.rows.push(row);
  }
  for (const batch of open.values()) if (batch.rows.length > 0) yield batch.close(true);
}

/** The batch an audience is filling. */
class OpenBatch {
  readonly audience: string;
  rows: string[][] = [];
  private seq = 0;
  private rowsSoFar = 0;

  constructor(audience: string) {
    this.audience = audience;
  }

  close(last: boolean): AudienceBatch {
    const { audience, rows } = this;
    this.seq++;
    this.rowsSoFar += rows.length;
    this.rows = [];
    return { audience, seq: this.seq, rows, rowsSoFar: this.rowsSoFar, last };
  }
}
