import type { SyncCounts as Counts } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';

const text = en.syncs.counts;
const ORDER = ['entered', 'synced', 'notSynced', 'pending', 'errored'] as const;

/** The five numbers Braze shows for a sync step, each with what it means on hover. */
export function SyncCounts({ counts, compact = false }: { counts: Counts; compact?: boolean }) {
  const number = new Intl.NumberFormat('en');
  return (
    <dl class={compact ? 'sync-counts sync-counts--compact' : 'sync-counts'}>
      {ORDER.map((key) => (
        <div
          key={key}
          class={`sync-counts__item sync-counts__item--${key}${counts[key] > 0 ? ' sync-counts__item--nonzero' : ''}`}
          title={text.meaning[key]}
        >
          <dt>{text.label[key]}</dt>
          <dd>{number.format(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
