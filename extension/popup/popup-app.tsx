import { useEffect, useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import type { RelayConnection } from '../relay/relay-status.ts';
import type { SelectedSegment } from '../segment-selection/selected-segment-storage.ts';
import { ActionButton } from '../ui/action-button.tsx';
import type { BackgroundExports } from '../ui/background-exports.ts';
import type { BackgroundRelay } from '../ui/background-relay.ts';
import { BrandMark } from '../ui/brand-mark.tsx';
import { explainRelayFailure } from '../ui/explanation.ts';
import { ProblemNotice } from '../ui/problem-notice.tsx';
import { useRelayConnection } from '../ui/use-relay-connection.ts';
import { ExportPanel } from './exports/export-panel.tsx';
import { ExportReport } from './exports/export-report.tsx';
import type { TrackedExportsSource } from './exports/use-tracked-exports.ts';
import { ExportHistory } from './history/export-history.tsx';
import { SegmentSummary } from './segment-summary.tsx';
import { usePopupRoute } from './use-popup-route.ts';

const text = en.popup;

export interface PopupAppProps {
  relay: BackgroundRelay;
  /** The segment chosen in the active tab, if the tab still shows it. */
  findSegment: () => Promise<SelectedSegment | null>;
  openOptions: () => void;
  /** Opens the Syncs page in a tab. */
  openSyncs?: () => void;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  /** The export to report on instead of the tab's segment (`?export=<id>`), if any. */
  reportOf?: string | null;
}

/**
 * The toolbar popup: the relay's state and the segment chosen in this tab (the history when
 * the tab has none), the history, or one export's report.
 */
export function PopupApp({
  relay,
  findSegment,
  openOptions,
  openSyncs,
  exports,
  tracked,
  reportOf = null,
}: PopupAppProps) {
  const [view] = useRelayConnection(relay);
  // undefined while looking, null when the tab has none.
  const [segment, setSegment] = useState<SelectedSegment | null | undefined>(undefined);
  useEffect(() => {
    findSegment().then(setSegment, () => setSegment(null));
  }, [findSegment]);
  const { route, openReport, step } = usePopupRoute(reportOf, Boolean(segment));

  const body = () => {
    if (view.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (view.phase === 'unavailable') return <ProblemNotice problem={view.problem} />;
    if (!view.connection) return <SetUpPrompt openOptions={openOptions} />;
    const relayUrl = view.connection.url;
    if (route.to === 'report') {
      return (
        <ExportReport
          exportId={route.exportId}
          relayUrl={relayUrl}
          tracked={tracked}
          exports={exports}
        />
      );
    }
    const history = <ExportHistory exports={exports} relayUrl={relayUrl} onOpen={openReport} />;
    if (route.to === 'history') return history;
    const connected = view.connection.status.state === 'connected';
    return (
      <>
        <RelayState connection={view.connection} openOptions={openOptions} />
        {segment === null && <p class="ar-muted">{text.noSegment}</p>}
        {segment === null && connected && history}
        {segment && <SegmentSummary segment={segment} />}
        {segment && connected && (
          <ExportPanel
            segment={segment}
            relayUrl={relayUrl}
            exports={exports}
            tracked={tracked}
            openOptions={openOptions}
            onOpenReport={openReport}
          />
        )}
      </>
    );
  };
  const ready = view.phase === 'ready' && view.connection;

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">
          <BrandMark size={22} />
          {en.productName}
        </h1>
        {ready && (
          <nav class="popup__nav">
            {step && (
              <button type="button" class="popup__link" onClick={step.go}>
                {step.label}
              </button>
            )}
            {openSyncs && (
              <button type="button" class="popup__link" onClick={openSyncs}>
                {en.syncs.openSyncs}
              </button>
            )}
            <button type="button" class="popup__link" onClick={openOptions}>
              {text.settings}
            </button>
          </nav>
        )}
      </header>
      {body()}
    </main>
  );
}

function SetUpPrompt({ openOptions }: { openOptions: () => void }) {
  return (
    <section class="popup__setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{text.setUpHeading}</h2>
      <p>{text.setUpText}</p>
      <ActionButton variant="primary" onClick={openOptions}>
        {text.openSettings}
      </ActionButton>
    </section>
  );
}

function RelayState({
  connection,
  openOptions,
}: {
  connection: RelayConnection;
  openOptions: () => void;
}) {
  const { status } = connection;
  if (status.state === 'failed') {
    return (
      <div class="popup__relay-problem">
        <ProblemNotice problem={explainRelayFailure(status.failure, connection.url)} />
        <ActionButton variant="secondary" onClick={openOptions}>
          {text.openSettings}
        </ActionButton>
      </div>
    );
  }
  return (
    <div class="popup__relay" role="status">
      <span class="popup__relay-dot" aria-hidden="true" />
      <div>
        <p class="popup__workspace">{status.workspace.name}</p>
        <p class="ar-muted">{text.connectedTo(new URL(connection.url).host)}</p>
      </div>
      <span class="ar-badge">{en.roles[status.role].name}</span>
    </div>
  );
}
