import type { SyncCounts as Counts } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { formatCount } from '../../ui/format.ts';

const text = en.syncs.counts;
const ORDER = ['entered', 'synced', 'notSynced', 'pending', 'errored'] as const;

/** The five numbers Braze shows for a sync step, each with what it means on hover. */
export function SyncCounts({ counts, compact = false }: { counts: Counts; compact?: boolean }) {
  return (
    <dl class={compact ? 'sync-counts sync-counts--compact' : 'sync-counts'}>
      {ORDER.map((key) => (
        <div
          key={key}
          class={`sync-counts__item sync-counts__item--${key}${counts[key] > 0 ? ' sync-counts__item--nonzero' : ''}`}
          title={text.meaning[key]}
        >
          <dt>{text.label[key]}</dt>
          <dd>{formatCount(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
