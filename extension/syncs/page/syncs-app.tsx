import { useEffect, useState } from 'preact/hooks';
import {
  type ConsentSettings,
  DEFAULT_CONSENT_SETTINGS,
} from '../../../shared/consent-settings.ts';
import type { ConnectedAdAccountSummary } from '../../../shared/relay-api/facebook.ts';
import { en } from '../../i18n/en.ts';
import type { RelayConnection } from '../../relay/relay-status.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundRelay } from '../../ui/background-relay.ts';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import { BrandMark } from '../../ui/brand-mark.tsx';
import type { Clipboard } from '../../ui/copy-field.tsx';
import { explainRelayFailure } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { useRelayConnection } from '../../ui/use-relay-connection.ts';
import type { SyncsRoute } from '../syncs-route.ts';
import { SyncDetail } from './sync-detail.tsx';
import { SyncEditor } from './sync-editor.tsx';
import { SyncList } from './sync-list.tsx';
import type { Timers } from './use-polling.ts';

const text = en.syncs;

export interface SyncsAppProps {
  relay: BackgroundRelay;
  syncs: BackgroundSyncs;
  clipboard: Clipboard;
  openOptions: () => void;
  /** Where the page opens (a notification's click opens one sync). */
  initialRoute: SyncsRoute;
  /** Called on each move, so the address can follow (and reloading keeps the place). */
  onRoute?: (route: SyncsRoute) => void;
  /** How often the list, the numbers and the chart refresh while shown. */
  refreshMs?: number;
  timers?: Timers;
  timeZone?: string;
}

const DEFAULT_REFRESH_MS = 5_000;

/** The Syncs page: the list, one sync, or a new one. */
export function SyncsApp({
  relay,
  syncs,
  clipboard,
  openOptions,
  initialRoute,
  onRoute,
  refreshMs = DEFAULT_REFRESH_MS,
  timers,
  timeZone,
}: SyncsAppProps) {
  const [view] = useRelayConnection(relay);
  const [route, setRoute] = useState<SyncsRoute>(initialRoute);
  const go = (next: SyncsRoute) => {
    setRoute(next);
    onRoute?.(next);
  };

  const body = () => {
    if (view.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (view.phase === 'unavailable') return <ProblemNotice problem={view.problem} />;
    const { connection } = view;
    if (!connection) return <SettingsPrompt title={text.noRelayTitle} openOptions={openOptions} />;
    if (connection.status.state === 'failed') {
      return (
        <>
          <ProblemNotice problem={explainRelayFailure(connection.status.failure, connection.url)} />
          <SettingsPrompt title={text.relayFailingTitle} openOptions={openOptions} />
        </>
      );
    }
    return (
      <ConnectedSyncs
        connection={connection}
        isAdmin={connection.status.role === 'admin'}
        syncs={syncs}
        clipboard={clipboard}
        route={route}
        go={go}
        refreshMs={refreshMs}
        timers={timers}
        timeZone={timeZone}
      />
    );
  };

  return (
    <div class="syncs">
      <header class="syncs__header">
        <div class="syncs__header-inner">
          <BrandMark size={36} />
          <div class="syncs__heading">
            <h1>{text.pageTitle}</h1>
            <p>{text.tagline}</p>
          </div>
          <button type="button" class="syncs__settings" onClick={openOptions}>
            {en.popup.settings}
          </button>
        </div>
      </header>
      <main class="syncs__main">{body()}</main>
    </div>
  );
}

interface ConnectedSyncsProps {
  connection: RelayConnection;
  isAdmin: boolean;
  syncs: BackgroundSyncs;
  clipboard: Clipboard;
  route: SyncsRoute;
  go: (route: SyncsRoute) => void;
  refreshMs: number;
  timers?: Timers;
  timeZone?: string;
}

function ConnectedSyncs({
  connection,
  isAdmin,
  syncs,
  clipboard,
  route,
  go,
  refreshMs,
  timers,
  timeZone,
}: ConnectedSyncsProps) {
  // The editor offers the workspace's connected ad accounts; none when Facebook is not there.
  const [accounts, setAccounts] = useState<readonly ConnectedAdAccountSummary[]>([]);
  // The editor's filters start from the workspace's consent defaults (built-in until read).
  const [consentDefaults, setConsentDefaults] = useState<ConsentSettings | null>(null);
  useEffect(() => {
    let shown = true;
    void syncs.facebookStatus().then((reply) => {
      if (shown && reply.ok && reply.value.ok) setAccounts(reply.value.value.adAccounts);
    });
    void syncs.consentDefaults().then((reply) => {
      if (shown && reply.ok && reply.value.ok) setConsentDefaults(reply.value.value.settings);
    });
    return () => {
      shown = false;
    };
  }, [syncs]);
  const defaults = consentDefaults ?? DEFAULT_CONSENT_SETTINGS;
  const toList = () => go({ kind: 'list' });

  if (route.kind === 'sync') {
    return (
      <SyncDetail
        key={route.syncId}
        syncId={route.syncId}
        syncs={syncs}
        relayUrl={connection.url}
        accounts={accounts}
        consentDefaults={defaults}
        clipboard={clipboard}
        isAdmin={isAdmin}
        onBack={toList}
        refreshMs={refreshMs}
        timers={timers}
        timeZone={timeZone}
      />
    );
  }
  if (route.kind === 'new') {
    return (
      <div class="sync-detail">
        <div>
          <button type="button" class="syncs__back" onClick={toList}>
            ← {text.detail.back}
          </button>
        </div>
        <SyncEditor
          // Remounted once the accounts and defaults arrive: the first account is preselected.
          key={`${accounts.length}:${consentDefaults !== null}`}
          sync={null}
          accounts={accounts}
          consentDefaults={defaults}
          syncs={syncs}
          relayUrl={connection.url}
          onSaved={(sync, settled) => {
            if (settled) go({ kind: 'sync', syncId: sync.id });
          }}
        />
      </div>
    );
  }
  return (
    <SyncList
      syncs={syncs}
      relayUrl={connection.url}
      onOpen={(syncId) => go({ kind: 'sync', syncId })}
      onNew={() => go({ kind: 'new' })}
      refreshMs={refreshMs}
      timers={timers}
    />
  );
}

function SettingsPrompt({ title, openOptions }: { title: string; openOptions: () => void }) {
  return (
    <section class="ar-notice ar-notice--info" aria-label={title}>
      <p class="ar-notice__title">{title}</p>
      <p>{text.settingsPrompt}</p>
      <div>
        <ActionButton variant="secondary" onClick={openOptions}>
          {en.popup.openSettings}
        </ActionButton>
      </div>
    </section>
  );
}
