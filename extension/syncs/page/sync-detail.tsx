import { useState } from 'preact/hooks';
import type { ConsentSettings } from '../../../shared/consent-settings.ts';
import type { ConnectedAdAccountSummary } from '../../../shared/relay-api/facebook.ts';
import type { SyncMetricsResponse, SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import { ConfirmPanel } from '../../ui/confirm-panel.tsx';
import type { Clipboard } from '../../ui/copy-field.tsx';
import type { Explanation } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { describeSync } from './describe-sync.ts';
import { IngestPanel } from './ingest-panel.tsx';
import { settleSyncReply } from './settle-sync-reply.ts';
import { SyncChart } from './sync-chart.tsx';
import { SyncCounts } from './sync-counts.tsx';
import { isLaunched } from './sync-draft.ts';
import { SyncEditor } from './sync-editor.tsx';
import { SyncErrorNotice } from './sync-error-notice.tsx';
import { SyncStatusBadge } from './sync-status.tsx';
import { type Timers, usePolling } from './use-polling.ts';

const text = en.syncs.detail;
/** The chart's windows, in hours (the relay keeps 48). */
const CHART_HOURS = [1, 6, 24, 48] as const;

export interface SyncDetailProps {
  syncId: string;
  syncs: BackgroundSyncs;
  relayUrl: string;
  accounts: readonly ConnectedAdAccountSummary[];
  consentDefaults: ConsentSettings;
  clipboard: Clipboard;
  isAdmin: boolean;
  onBack: () => void;
  /** How often the numbers and chart refresh while the page is open. */
  refreshMs: number;
  timers?: Timers;
  timeZone?: string;
}

type View =
  | { phase: 'loading' }
  | { phase: 'ready'; sync: SyncView }
  | { phase: 'failed'; problem: Explanation }
  | { phase: 'deleted' };

type Busy = 'pausing' | 'resuming' | 'deleting';

/** One sync: its state and numbers, the chart, where to send users, and its settings. */
export function SyncDetail({
  syncId,
  syncs,
  relayUrl,
  accounts,
  consentDefaults,
  clipboard,
  isAdmin,
  onBack,
  refreshMs,
  timers,
  timeZone,
}: SyncDetailProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [metrics, setMetrics] = useState<SyncMetricsResponse | null>(null);
  const [hours, setHours] = useState<number>(6);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<Explanation | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const deleted = view.phase === 'deleted';
  usePolling(
    async () => {
      if (deleted) return;
      const [synced, measured] = await Promise.all([
        syncs.get(syncId),
        syncs.metrics(syncId, hours),
      ]);
      const sync = settleSyncReply(synced, relayUrl);
      if (!sync.ok) {
        // A refresh that fails keeps what is shown; only the first load shows the problem.
        setView((current) =>
          current.phase === 'ready' ? current : { phase: 'failed', problem: sync.problem },
        );
        return;
      }
      setView((current) =>
        current.phase === 'deleted' ? current : { phase: 'ready', sync: sync.value },
      );
      const series = settleSyncReply(measured, relayUrl);
      if (series.ok) setMetrics(series.value);
    },
    refreshMs,
    timers,
    `${syncId}:${hours}`,
  );

  if (view.phase === 'loading') return <p role="status">{text.loading}</p>;
  if (view.phase === 'failed') {
    return (
      <div class="sync-detail">
        <BackButton onBack={onBack} />
        <ProblemNotice problem={view.problem} />
      </div>
    );
  }
  if (view.phase === 'deleted') {
    return (
      <div class="sync-detail">
        <p class="ar-notice ar-notice--success" role="status">
          {text.deleted}
        </p>
        <div>
          <ActionButton variant="primary" onClick={onBack}>
            {text.back}
          </ActionButton>
        </div>
      </div>
    );
  }

  const { sync } = view;
  const act = async (kind: Busy, call: () => ReturnType<BackgroundSyncs['pause']>) => {
    if (busy) return;
    setBusy(kind);
    setProblem(null);
    const settled = settleSyncReply(await call(), relayUrl);
    setBusy(null);
    if (!settled.ok) return setProblem(settled.problem);
    setView({ phase: 'ready', sync: settled.value });
  };
  const remove = async () => {
    setBusy('deleting');
    const settled = settleSyncReply(await syncs.remove(sync.id), relayUrl);
    setBusy(null);
    setConfirmingDelete(false);
    if (!settled.ok) return setProblem(settled.problem);
    setView({ phase: 'deleted' });
  };
  const launched = isLaunched(sync);
  const counts = metrics?.counts ?? sync.counts;

  return (
    <div class="sync-detail">
      <BackButton onBack={onBack} />
      <section
        class={`ar-card sync-panel sync-summary sync-summary--${sync.status}`}
        aria-labelledby="sync-heading"
      >
        <header class="sync-summary__header">
          <div class="sync-summary__title">
            <h2 id="sync-heading">{sync.name}</h2>
            <SyncStatusBadge status={sync.status} />
          </div>
          <div class="button-row">
            {sync.status === 'active' && (
              <ActionButton
                variant="secondary"
                busy={busy === 'pausing'}
                busyLabel={text.pausing}
                onClick={() => void act('pausing', () => syncs.pause(sync.id))}
              >
                {text.pause}
              </ActionButton>
            )}
            {(sync.status === 'paused' || sync.status === 'errored') && (
              <ActionButton
                variant="primary"
                busy={busy === 'resuming'}
                busyLabel={text.resuming}
                onClick={() => void act('resuming', () => syncs.resume(sync.id))}
              >
                {text.resume}
              </ActionButton>
            )}
            <ActionButton variant="danger" onClick={() => setConfirmingDelete(true)}>
              {text.delete}
            </ActionButton>
          </div>
        </header>
        <p class="ar-muted">{describeSync(sync)}</p>
        {sync.audience?.adsManagerUrl && (
          <p>
            <a href={sync.audience.adsManagerUrl} target="_blank" rel="noreferrer">
              {text.openInAdsManager}
            </a>
          </p>
        )}
        {confirmingDelete && (
          <ConfirmPanel
            title={text.deleteTitle(sync.name)}
            tone="danger"
            confirmLabel={text.deleteConfirm}
            cancelLabel={text.keep}
            busy={busy === 'deleting'}
            busyLabel={text.deleting}
            onConfirm={() => void remove()}
            onCancel={() => setConfirmingDelete(false)}
          >
            <p>{text.deleteText}</p>
          </ConfirmPanel>
        )}
        {problem && <ProblemNotice problem={problem} focusOnMount />}
        {sync.status === 'errored' && <SyncErrorNotice sync={sync} />}
        {sync.status === 'paused' && <p class="ar-notice ar-notice--info">{text.pausedNote}</p>}
        <SyncCounts counts={counts} />
      </section>

      {launched && (
        <section class="ar-card sync-panel" aria-labelledby="chart-heading">
          <header class="sync-panel__header sync-panel__header--row">
            <h2 id="chart-heading">{text.chartHeading}</h2>
            <div class="ar-field sync-panel__inline-field">
              <label for="chart-hours">{text.window}</label>
              <select
                id="chart-hours"
                class="ar-input"
                value={String(hours)}
                onChange={(event) => setHours(Number(event.currentTarget.value))}
              >
                {CHART_HOURS.map((option) => (
                  <option key={option} value={String(option)}>
                    {text.lastHours(option)}
                  </option>
                ))}
              </select>
            </div>
          </header>
          {metrics ? (
            <SyncChart metrics={metrics} hours={hours} timeZone={timeZone} />
          ) : (
            <p role="status">{text.chartLoading}</p>
          )}
        </section>
      )}

      {launched && (
        <IngestPanel
          sync={sync}
          syncs={syncs}
          relayUrl={relayUrl}
          clipboard={clipboard}
          isAdmin={isAdmin}
        />
      )}

      <SyncEditor
        key={`${sync.id}:${launched}`}
        sync={sync}
        accounts={accounts}
        consentDefaults={consentDefaults}
        syncs={syncs}
        relayUrl={relayUrl}
        onSaved={(saved) => setView({ phase: 'ready', sync: saved })}
      />
    </div>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <div>
      <button type="button" class="syncs__back" onClick={onBack}>
        ← {text.back}
      </button>
    </div>
  );
}
