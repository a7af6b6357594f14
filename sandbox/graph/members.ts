import { rowCells, type UploadSchema } from './audience-rows.ts';

/** One schema's rows as held by an audience, for read-back. */
export interface RowListing {
  schema: string | string[];
  rows: string[][];
}

/**
 * The people an audience holds, kept compact: one Set of joined row strings per schema, so
 * multi-million-row audiences fit in memory. With `retain: false` (benchmarks) only counts.
 */
export class AudienceMembers {
  readonly retain: boolean;
  private readonly bySchema = new Map<string, { schema: string | string[]; rows: Set<string> }>();
  private counted = 0;

  constructor(retain: boolean) {
    this.retain = retain;
  }

  get size(): number {
    if (!this.retain) return this.counted;
    let size = 0;
    for (const entry of this.bySchema.values()) size += entry.rows.size;
    return size;
  }

  add(schema: UploadSchema, rows: string[]): void {
    if (!this.retain) {
      this.counted += rows.length;
      return;
    }
    let entry = this.bySchema.get(schema.id);
    if (!entry) {
      entry = { schema: schema.original, rows: new Set() };
      this.bySchema.set(schema.id, entry);
    }
    for (const row of rows) entry.rows.add(row);
  }

  /**
   * Removes rows sent with the same schema they were added with. Meta matches people across
   * keys; the emulator only removes identical rows (a relay removes with the schema it added).
   */
  remove(schema: UploadSchema, rows: string[]): void {
    if (!this.retain) {
      this.counted = Math.max(0, this.counted - rows.length);
      return;
    }
    const entry = this.bySchema.get(schema.id);
    if (!entry) return;
    for (const row of rows) entry.rows.delete(row);
  }

  listing(): RowListing[] {
    return [...this.bySchema.values()].map((entry) => ({
      schema: entry.schema,
      rows: [...entry.rows].map(rowCells),
    }));
  }
}
