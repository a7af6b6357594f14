import { RawJson } from '../../facebook/graph/raw-json.ts';

/** Meta takes at most this many rows per `/users` request (meta-custom-audiences-api.md §4.3). */
export const MAX_BATCH_ROWS = 10_000;

/**
 * The rows of one `/users` request. `seq` is the upload session's `batch_seq` (1, 2, … per
 * audience) and `last` its `last_batch_flag`; `rowsSoFar` counts this audience's rows up to
 * and including this batch. `data` is the JSON array of the `size` rows, exactly as the
 * request's `payload.data` carries it.
 */
export interface AudienceBatch {
  audience: string;
  seq: number;
  size: number;
  data: RawJson;
  rowsSoFar: number;
  last: boolean;
}

/**
 * Groups rows into batches per audience, keeping their order. Deterministic: the same rows
 * give the same batches, numbered the same, which is what lets a job resume after a crash by
 * reading its source again and skipping the batches Meta acknowledged. A full batch is held
 * until the next row of its audience arrives (or the rows end), so that `last` is known
 * without a count in advance: at most one batch per audience is in memory.
 *
 * Each row is written into its batch's bytes as it arrives and then dropped: a batch is one
 * buffer, not 10,000 arrays and strings living long enough to reach V8's old generation,
 * which is most of what a large export's memory was (docs/benchmarks.md).
 */
export class RowBatcher {
  private readonly open: Map<string, OpenBatch>;
  private readonly batchSize: number;

  /**
   * `audiences`: every audience rows may name, in the plan's order (the order of the final
   * batches). `batchSize`: at most `MAX_BATCH_ROWS`; lower for tests or a cautious uploader.
   */
  constructor(audiences: readonly string[], batchSize = MAX_BATCH_ROWS) {
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_ROWS) {
      throw new RangeError(`The batch size must be a whole number from 1 to ${MAX_BATCH_ROWS}.`);
    }
    this.batchSize = batchSize;
    this.open = new Map(audiences.map((audience) => [audience, new OpenBatch(audience)]));
  }

  /** Adds a row; returns the audience's previous batch when this row starts a new one. */
  add(audience: string, row: readonly string[]): AudienceBatch | undefined {
    const batch = this.open.get(audience);
    if (batch === undefined) throw new Error(`No audience ${audience} in this plan.`);
    const full = batch.size === this.batchSize ? batch.close(false) : undefined;
    batch.add(row);
    return full;
  }

  /** The rows ended: every audience's last batch, in the plan's order. */
  end(): AudienceBatch[] {
    const last = [...this.open.values()].filter((batch) => batch.size > 0);
    return last.map((batch) => batch.close(true));
  }
}

/** Room for about 1,000 hashed single-key rows; grows by doubling. */
const INITIAL_BYTES = 64 * 1024;

/** The batch an audience is filling, as the bytes of a JSON array. */
class OpenBatch {
  readonly audience: string;
  size = 0;
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private length = 0;
  private seq = 0;
  private rowsSoFar = 0;

  constructor(audience: string) {
    this.audience = audience;
  }

  add(row: readonly string[]): void {
    const text = JSON.stringify(row);
    // Three bytes per UTF-16 unit at most, plus the separator and the closing bracket.
    this.reserve(text.length * 3 + 2);
    this.bytes[this.length++] = this.size === 0 ? 0x5b : 0x2c; // `[` or `,`
    this.length += this.bytes.write(text, this.length);
    this.size++;
  }

  close(last: boolean): AudienceBatch {
    const { audience, size } = this;
    this.reserve(2);
    if (size === 0) this.bytes[this.length++] = 0x5b;
    this.bytes[this.length++] = 0x5d; // `]`
    const data = new RawJson(this.bytes.subarray(0, this.length));
    this.seq++;
    this.rowsSoFar += size;
    // The next batch is most likely as large: no growing again.
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.length = 0;
    this.size = 0;
    return { audience, seq: this.seq, size, data, rowsSoFar: this.rowsSoFar, last };
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + bytes) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
