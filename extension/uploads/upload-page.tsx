import { useEffect, useState } from 'preact/hooks';
import type { UploadLimitsResponse } from '../../shared/relay-api/uploads.ts';
import { en } from '../i18n/en.ts';
import type { TrackedExportsSource } from '../popup/exports/use-tracked-exports.ts';
import { ActionButton } from '../ui/action-button.tsx';
import type { BackgroundExports } from '../ui/background-exports.ts';
import type { BackgroundRelay } from '../ui/background-relay.ts';
import { BrandMark } from '../ui/brand-mark.tsx';
import { type Explanation, explainRelayFailure } from '../ui/explanation.ts';
import { ProblemNotice } from '../ui/problem-notice.tsx';
import { useRelayConnection } from '../ui/use-relay-connection.ts';
import { explainUploadFailure } from './explain-upload-failure.ts';
import { FileExport } from './file-export.tsx';
import type { UploadsApi } from './uploads-api.ts';

const text = en.uploads;

export interface UploadPageProps {
  relay: BackgroundRelay;
  api: UploadsApi;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  openOptions: () => void;
  /** Opens an ended export's full report. */
  openReport: (exportId: string) => void;
}

type LimitsView =
  | { phase: 'loading' }
  | { phase: 'ready'; limits: UploadLimitsResponse }
  | { phase: 'problem'; problem: Explanation };

/** The extension's page for exporting a file (opened in a tab: a file dialog closes popups). */
export function UploadPage({
  relay,
  api,
  exports,
  tracked,
  openOptions,
  openReport,
}: UploadPageProps) {
  const [view] = useRelayConnection(relay);
  const connection = view.phase === 'ready' ? view.connection : null;
  const connected = connection?.status.state === 'connected';
  const [limits, setLimits] = useState<LimitsView>({ phase: 'loading' });
  useEffect(() => {
    if (!connection || !connected) return;
    let shown = true;
    void api.limits().then((answer) => {
      if (!shown) return;
      setLimits(
        answer.ok
          ? { phase: 'ready', limits: answer.value }
          : { phase: 'problem', problem: explainUploadFailure(answer.failure, connection.url) },
      );
    });
    return () => {
      shown = false;
    };
  }, [api, connection, connected]);

  const body = () => {
    if (view.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (view.phase === 'unavailable') return <ProblemNotice problem={view.problem} />;
    if (!connection) {
      return (
        <ProblemNotice problem={text.noRelay} live={false}>
          <SettingsButton openOptions={openOptions} />
        </ProblemNotice>
      );
    }
    if (connection.status.state === 'failed') {
      return (
        <ProblemNotice problem={explainRelayFailure(connection.status.failure, connection.url)}>
          <SettingsButton openOptions={openOptions} />
        </ProblemNotice>
      );
    }
    if (limits.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (limits.phase === 'problem') return <ProblemNotice problem={limits.problem} />;
    return (
      <FileExport
        api={api}
        relayUrl={connection.url}
        limitBytes={limits.limits.maxBytes}
        exports={exports}
        tracked={tracked}
        openOptions={openOptions}
        openReport={openReport}
      />
    );
  };

  return (
    <div class="upload-page">
      <header class="upload-page__header">
        <div class="upload-page__header-inner">
          <BrandMark size={36} />
          <div>
            <h1>{text.pageTitle}</h1>
            <p>{text.pageIntro}</p>
          </div>
          {connection?.status.state === 'connected' && (
            <p class="upload-page__workspace">
              <span class="upload-page__dot" aria-hidden="true" />
              {connection.status.workspace.name}
            </p>
          )}
        </div>
      </header>
      <main class="upload-page__main">{body()}</main>
    </div>
  );
}

function SettingsButton({ openOptions }: { openOptions: () => void }) {
  return (
    <ActionButton variant="secondary" onClick={openOptions}>
      {en.popup.openSettings}
    </ActionButton>
  );
}
