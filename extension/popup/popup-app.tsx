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
import { ExportFileAction } from './exports/export-file-action.tsx';
import { ExportPanel } from './exports/export-panel.tsx';
import { ExportReport } from './exports/export-report.tsx';
import { segmentSource } from './exports/segment-source.ts';
import type { TrackedExportsSource } from './exports/use-tracked-exports.ts';
import { SegmentSummary } from './segment-summary.tsx';

const text = en.popup;

export interface PopupAppProps {
  relay: BackgroundRelay;
  /** The segment chosen in the active tab, if the tab still shows it. */
  findSegment: () => Promise<SelectedSegment | null>;
  openOptions: () => void;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  /** The export to report on instead of the tab's segment (`?export=<id>`), if any. */
  reportOf?: string | null;
}

/** The toolbar popup: the relay's state and the segment chosen in this tab, or one export's report. */
export function PopupApp({
  relay,
  findSegment,
  openOptions,
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

  const body = () => {
    // The report lives in the browser's session storage: it shows whatever the relay says.
    if (reportOf) return <ExportReport exportId={reportOf} tracked={tracked} exports={exports} />;
    if (view.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (view.phase === 'unavailable') return <ProblemNotice problem={view.problem} />;
    if (!view.connection) return <SetUpPrompt openOptions={openOptions} />;
    return (
      <>
        <RelayState connection={view.connection} openOptions={openOptions} />
        {segment === null && <p class="ar-muted">{text.noSegment}</p>}
        {segment && <SegmentSummary segment={segment} />}
        {segment && view.connection.status.state === 'connected' && (
          <ExportPanel
            source={segmentSource(segment)}
            relayUrl={view.connection.url}
            exports={exports}
            tracked={tracked}
            openOptions={openOptions}
          />
        )}
        {view.connection.status.state === 'connected' && <ExportFileAction />}
      </>
    );
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">
          <BrandMark size={22} />
          {en.productName}
        </h1>
        {view.phase === 'ready' && view.connection && (
          <button type="button" class="popup__settings" onClick={openOptions}>
            {text.settings}
          </button>
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
