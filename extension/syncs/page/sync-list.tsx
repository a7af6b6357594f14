import { useState } from 'preact/hooks';
import type { SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import type { Explanation } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { searchOf } from '../syncs-route.ts';
import { describeSync } from './describe-sync.ts';
import { settleSyncReply } from './settle-sync-reply.ts';
import { SyncCounts } from './sync-counts.tsx';
import { SyncErrorNotice } from './sync-error-notice.tsx';
import { SyncStatusBadge } from './sync-status.tsx';
import { type Timers, usePolling } from './use-polling.ts';

const text = en.syncs.list;

export interface SyncListProps {
  syncs: Pick<BackgroundSyncs, 'list'>;
  relayUrl: string;
  onOpen: (syncId: string) => void;
  onNew: () => void;
  refreshMs: number;
  timers?: Timers;
}

type View =
  | { phase: 'loading' }
  | { phase: 'ready'; syncs: SyncView[] }
  | { phase: 'failed'; problem: Explanation };

/** Every sync of the workspace with its status and numbers; errored ones first, with their fix. */
export function SyncList({ syncs, relayUrl, onOpen, onNew, refreshMs, timers }: SyncListProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  usePolling(
    async () => {
      const settled = settleSyncReply(await syncs.list(), relayUrl);
      setView((current) => {
        if (settled.ok) return { phase: 'ready', syncs: settled.value.syncs };
        // A refresh that fails keeps the list shown.
        return current.phase === 'ready' ? current : { phase: 'failed', problem: settled.problem };
      });
    },
    refreshMs,
    timers,
  );

  const header = (
    <header class="syncs-list__header">
      <div>
        <h2 id="syncs-heading">{text.heading}</h2>
        <p class="ar-muted">{text.intro}</p>
      </div>
      <ActionButton variant="primary" onClick={onNew}>
        {text.newSync}
      </ActionButton>
    </header>
  );
  const body = () => {
    if (view.phase === 'loading') return <p role="status">{text.loading}</p>;
    if (view.phase === 'failed') return <ProblemNotice problem={view.problem} />;
    if (view.syncs.length === 0) {
      return (
        <div class="ar-card sync-panel syncs-list__empty">
          <p class="syncs-list__empty-title">{text.emptyTitle}</p>
          <p class="ar-muted">{text.emptyText}</p>
        </div>
      );
    }
    const ordered = [...view.syncs].sort(
      (a, b) => Number(b.status === 'errored') - Number(a.status === 'errored'),
    );
    return (
      <ul class="syncs-list__items">
        {ordered.map((sync) => (
          <li key={sync.id} class={`ar-card sync-row sync-row--${sync.status}`}>
            <div class="sync-row__header">
              <h3 class="sync-row__name">
                <a
                  href={searchOf({ kind: 'sync', syncId: sync.id })}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(sync.id);
                  }}
                >
                  {sync.name}
                </a>
              </h3>
              <SyncStatusBadge status={sync.status} />
            </div>
            <p class="ar-muted sync-row__meta">{describeSync(sync)}</p>
            {sync.status === 'errored' && <SyncErrorNotice sync={sync} />}
            <SyncCounts counts={sync.counts} compact />
          </li>
        ))}
      </ul>
    );
  };
  return (
    <section class="syncs-list" aria-labelledby="syncs-heading">
      {header}
      {body()}
    </section>
  );
}
