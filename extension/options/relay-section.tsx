import { useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import type { HostPermissions } from '../permissions/host-permissions.ts';
import { type RelaySettings, relayOriginPattern } from '../relay/relay-settings.ts';
import type { RelayConnection } from '../relay/relay-status.ts';
import { ActionButton } from '../ui/action-button.tsx';
import type { BackgroundRelay } from '../ui/background-relay.ts';
import {
  type Explanation,
  explainMessageError,
  explainPermissionDenied,
  explainRelayFailure,
} from '../ui/explanation.ts';
import { ProblemNotice } from '../ui/problem-notice.tsx';
import type { RelayView } from '../ui/use-relay-connection.ts';
import { ConnectedRelay } from './connected-relay.tsx';
import { RelayForm } from './relay-form.tsx';

const text = en.options.relay;

export interface RelaySectionProps {
  view: RelayView;
  relay: BackgroundRelay;
  permissions: HostPermissions;
  onConnectionChange: (connection: RelayConnection | null) => void;
}

/** What the last action led to, so the page can say so and put focus there. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'connected' }
  | { kind: 'problem'; problem: Explanation; attempt: number }
  | { kind: 'forgotten' };

/**
 * The relay settings: connect with an address and a workspace key (checked against the
 * relay before they are saved), see the workspace and role once connected, forget them.
 */
export function RelaySection({ view, relay, permissions, onConnectionChange }: RelaySectionProps) {
  const [busy, setBusy] = useState<'connecting' | 'forgetting' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const showProblem = (problem: Explanation) =>
    setOutcome((last) => ({
      kind: 'problem',
      problem,
      attempt: last.kind === 'problem' ? last.attempt + 1 : 0,
    }));

  const connect = (settings: RelaySettings) => {
    // First, while the click still counts as a user gesture.
    const granted = permissions.request(relayOriginPattern(settings.url));
    setBusy('connecting');
    void (async () => {
      const reply = (await granted) ? await relay.configure(settings) : null;
      setBusy(null);
      if (!reply) return showProblem(explainPermissionDenied(settings.url));
      if (!reply.ok) return showProblem(explainMessageError(reply.error));
      if (!reply.value.ok)
        return showProblem(explainRelayFailure(reply.value.failure, settings.url));
      setOutcome({ kind: 'connected' });
      onConnectionChange(reply.value.value);
    })();
  };

  const forget = async (connection: RelayConnection) => {
    setBusy('forgetting');
    const reply = await relay.forget();
    setBusy(null);
    if (!reply.ok) return showProblem(explainMessageError(reply.error));
    // Least privilege: the relay's origin is no longer needed (a no-op for loopback, which
    // the manifest grants to development builds).
    void permissions.release(relayOriginPattern(connection.url));
    setOutcome({ kind: 'forgotten' });
    onConnectionChange(null);
  };

  const body = () => {
    if (view.phase === 'loading') return <p role="status">{en.loading}</p>;
    if (view.phase === 'unavailable') return <ProblemNotice problem={view.problem} />;
    const { connection } = view;
    const problem = outcome.kind === 'problem' && (
      <ProblemNotice key={outcome.attempt} problem={outcome.problem} focusOnMount />
    );
    if (connection?.status.state === 'connected') {
      return (
        <>
          {problem}
          <ConnectedRelay
            connection={connection}
            status={connection.status}
            forgetting={busy === 'forgetting'}
            onForget={() => void forget(connection)}
            focusOnMount={outcome.kind === 'connected'}
          />
        </>
      );
    }
    return (
      <>
        {connection && !problem && <SavedRelayFailing connection={connection} />}
        {problem}
        {outcome.kind === 'forgotten' && (
          <p class="ar-notice ar-notice--success" role="status">
            {text.forgotten}
          </p>
        )}
        <RelayForm
          initialUrl={connection?.url}
          busy={busy === 'connecting'}
          onConnect={connect}
          focusOnMount={outcome.kind === 'forgotten'}
        />
        {connection && (
          <div class="options-section__footer">
            <ActionButton
              variant="danger"
              busy={busy === 'forgetting'}
              busyLabel={text.forgetting}
              onClick={() => void forget(connection)}
            >
              {text.forget}
            </ActionButton>
          </div>
        )}
      </>
    );
  };

  return (
    <section class="ar-card options-section" aria-labelledby="relay-heading">
      <header class="options-section__header">
        <h2 id="relay-heading">{text.heading}</h2>
        <p class="ar-muted">{text.intro}</p>
      </header>
      {body()}
    </section>
  );
}

/** A saved relay whose last check failed: which one, and why it does not work now. */
function SavedRelayFailing({ connection }: { connection: RelayConnection }) {
  if (connection.status.state !== 'failed') return null;
  return (
    <div class="saved-relay">
      <p class="saved-relay__lead">{text.savedRelayFailing}</p>
      <dl class="ar-facts">
        <dt>{text.address}</dt>
        <dd class="ar-mono">{connection.url}</dd>
        <dt>{text.key}</dt>
        <dd class="ar-mono">{text.keyShown(connection.keyId)}</dd>
      </dl>
      <ProblemNotice problem={explainRelayFailure(connection.status.failure, connection.url)} />
    </div>
  );
}
