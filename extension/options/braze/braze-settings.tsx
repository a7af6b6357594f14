import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BrazeSettingsResponse } from '../../../shared/relay-api/braze.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundBraze } from '../../ui/background-braze.ts';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { type Explanation, settleSavedRelayReply } from '../../ui/explanation.ts';
import { formatDate } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { BrazeSettingsForm } from './braze-settings-form.tsx';

const text = en.options.braze;

export interface BrazeSettingsProps {
  braze: BackgroundBraze;
  relayUrl: string;
  /** Marketers see whether Braze is connected, read-only. */
  isAdmin: boolean;
}

type View =
  | { phase: 'loading' }
  | { phase: 'failed'; problem: Explanation }
  | { phase: 'ready'; settings: BrazeSettingsResponse };

/** What the last action led to; `id` tells each apart, so a repeat is announced again. */
type Notice = { id: number } & (
  | { tone: 'success'; title: string }
  | { tone: 'error'; problem: Explanation }
);

/**
 * The workspace's Braze REST source: whether one is set (everyone), the form that has the
 * relay check and keep a key (admins), and removing it.
 */
export function BrazeSettings({ braze, relayUrl, isAdmin }: BrazeSettingsProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [busy, setBusy] = useState<'saving' | 'removing' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    setView({ phase: 'loading' });
    const settled = settleSavedRelayReply(await braze.settings(), relayUrl);
    setView(
      settled.ok
        ? { phase: 'ready', settings: settled.value }
        : { phase: 'failed', problem: settled.problem },
    );
  }, [braze, relayUrl]);
  useEffect(() => void load(), [load]);

  const act = async (
    kind: 'saving' | 'removing',
    call: () => ReturnType<BackgroundBraze['settings']>,
    done: string,
  ) => {
    if (busy) return;
    setBusy(kind);
    const settled = settleSavedRelayReply(await call(), relayUrl);
    setBusy(null);
    const id = (notice?.id ?? 0) + 1;
    if (!settled.ok) return setNotice({ id, tone: 'error', problem: settled.problem });
    setEditing(false);
    setView({ phase: 'ready', settings: settled.value });
    setNotice({ id, tone: 'success', title: done });
  };

  if (view.phase === 'loading') return <p role="status">{text.loading}</p>;
  if (view.phase === 'failed') {
    return (
      <div class="braze-settings">
        <ProblemNotice problem={view.problem} live={false} />
        <div>
          <ActionButton variant="secondary" onClick={() => void load()}>
            {text.retry}
          </ActionButton>
        </div>
      </div>
    );
  }

  const { settings } = view;
  const form = (
    <BrazeSettingsForm
      initialEndpoint={settings.configured ? settings.restEndpoint : ''}
      busy={busy === 'saving'}
      onSave={(request) => void act('saving', () => braze.save(request), text.saved)}
      onCancel={settings.configured ? () => setEditing(false) : undefined}
      focusOnMount={editing}
    />
  );
  return (
    <div class="braze-settings">
      {notice && <NoticeView key={notice.id} notice={notice} />}
      {settings.configured ? (
        <>
          <dl class="ar-facts">
            <dt>{text.endpoint}</dt>
            <dd class="ar-mono">{settings.restEndpoint}</dd>
            <dt>{text.key}</dt>
            <dd>
              {text.keySet} <span class="ar-mono">{settings.keyHint}</span>
            </dd>
            <dt>{text.savedAt}</dt>
            <dd>{formatDate(settings.savedAt, true)}</dd>
          </dl>
          {!isAdmin && <p class="ar-muted">{text.askAdmin}</p>}
          {isAdmin && editing && form}
          {isAdmin && !editing && (
            <div class="braze-settings__actions">
              <div>
                <ActionButton variant="secondary" onClick={() => setEditing(true)}>
                  {text.change}
                </ActionButton>
              </div>
              <ConfirmButton
                label={text.remove.button}
                question={text.remove.confirmTitle}
                consequence={text.remove.confirmText}
                confirmLabel={text.remove.confirm}
                keepLabel={text.remove.keep}
                busy={busy === 'removing'}
                busyLabel={text.remove.removing}
                onConfirm={() => void act('removing', braze.remove, text.remove.done)}
              />
            </div>
          )}
        </>
      ) : (
        <>
          <div class="braze-settings__intro">
            <p class="braze-settings__lead">{text.notConnectedTitle}</p>
            <p class="ar-muted">{isAdmin ? text.notConnectedAdmin : text.notConnectedMarketer}</p>
          </div>
          {isAdmin && form}
        </>
      )}
    </div>
  );
}

/** Where focus lands after an action, so its outcome is read out and found. */
function NoticeView({ notice }: { notice: Notice }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (notice.tone === 'error') {
    return <ProblemNotice problem={notice.problem} focusOnMount />;
  }
  return (
    <div ref={ref} class="ar-notice ar-notice--success" role="status" tabIndex={-1}>
      <p class="ar-notice__title">{notice.title}</p>
    </div>
  );
}
