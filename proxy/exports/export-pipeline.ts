import { type AudiencePlan, planAudiences } from '../../shared/audience-plan.ts';
import type { ConsentSettings } from '../../shared/consent-settings.ts';
import type { ExportReport } from '../../shared/export-report.ts';
import type { SourceItem } from '../sources/source-item.ts';
import { type AudienceBatch, RowBatcher } from './batches/batch-rows.ts';
import { ExportTally } from './export-tally.ts';
import { createUserRows } from './user-rows/user-rows.ts';

export interface ExportPipelineOptions {
  plan: AudiencePlan;
  /** The export's settings, its choices already applied over the workspace's defaults. */
  consent: ConsentSettings;
  /** The workspace's country (alpha-2, alpha-3 or a name), for users without their own. */
  defaultCountry?: string;
  /**
   * The export's clock, for birth years ("1900 to this year"). A job must pin it to its start
   * so that a resumed run makes the same rows (see docs/export-pipeline.md).
   */
  now?: () => Date;
  /** Rows per batch: at most, and by default, 10,000. */
  batchSize?: number;
}

export interface ExportPipeline {
  /** Read once. Each batch is one `/users` request: `seq` is its `batch_seq`. */
  batches: AsyncIterable<AudienceBatch>;
  /** The counts so far; complete once `batches` is exhausted. Meta's counts stay null. */
  report(): ExportReport;
}

/**
 * The pure middle of an export: source items in, per-audience batches of exactly what Meta
 * receives out, with the report counting every user along the way. Nothing here talks to
 * Meta or stores anything; it reads its source as fast as the batches are taken.
 *
 * Deterministic: the same source, options and clock give the same batches with the same
 * sequence numbers, so a job resumes by running it again and skipping the batches Meta
 * acknowledged. Rows are not deduplicated (see docs/export-pipeline.md).
 */
export function exportPipeline(
  items: AsyncIterable<SourceItem>,
  { plan, consent, defaultCountry, now, batchSize }: ExportPipelineOptions,
): ExportPipeline {
  const audiences = planAudiences(plan);
  const userRows = createUserRows(audiences, { consent, defaultCountry, now });
  const tally = new ExportTally(audiences);

  async function* batches(): AsyncGenerator<AudienceBatch> {
    const batcher = new RowBatcher(
      audiences.map((audience) => audience.id),
      batchSize,
    );
    for await (const item of items) {
      if (item.kind === 'problem') tally.malformed(item.line, item.problem);
      else if (item.kind === 'unmapped-column') tally.unmappedColumn(item.name);
      else {
        tally.userRead();
        const outcome = userRows(item.user);
        tally.withheld(outcome.withheldDeviceIds);
        if (!outcome.kept) {
          tally.removed(outcome.removedBy);
          continue;
        }
        tally.eligible(outcome.made);
        for (const [index, audience] of audiences.entries()) {
          for (const row of outcome.made.rows[index] ?? []) {
            const full = batcher.add(audience.id, row);
            if (full) yield counted(full);
          }
        }
      }
    }
    for (const batch of batcher.end()) yield counted(batch);
  }

  const counted = (batch: AudienceBatch) => {
    tally.batch(batch);
    return batch;
  };

  return { batches: batches(), report: () => tally.report() };
}
