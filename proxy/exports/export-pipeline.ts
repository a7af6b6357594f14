import { type AudiencePlan, planAudiences } from '../../shared/audience-plan.ts';
import type { ConsentSettings } from '../../shared/consent-settings.ts';
import type { ExportReport } from '../../shared/export-report.ts';
import type { SourceItem } from '../sources/source-item.ts';
import { type AudienceBatch, RowBatcher } from './batches/batch-rows.ts';
import { createConsentFilter } from './consent/consent-filter.ts';
import { ExportTally } from './export-tally.ts';
import { createMatchRows } from './match-rows/match-rows.ts';

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
  const filter = createConsentFilter(consent);
  const matchRows = createMatchRows(audiences, { defaultCountry, now });
  const usesDeviceIds = plan.keys.includes('MADID');
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
        const decision = filter(item.user);
        if (!decision.kept) {
          tally.removed(decision.removedBy);
          continue;
        }
        const made = matchRows(decision.user);
        if (usesDeviceIds) {
          tally.withheld(decision.withheldDeviceIds);
          // Withholding device IDs removes a user only when nothing else of theirs is usable.
          if (decision.withheldDeviceIds > 0 && made.rows.every((some) => some.length === 0)) {
            tally.removed('ad_tracking');
            continue;
          }
        }
        tally.eligible(made);
        for (const [index, audience] of audiences.entries()) {
          for (const row of made.rows[index] ?? []) {
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
