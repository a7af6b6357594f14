import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FacebookStatus } from '../../facebook/facebook-service.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundFacebook } from '../../ui/background-facebook.ts';
import { AdAccountPicker } from './ad-account-picker.tsx';
import { ConnectedAdAccounts } from './connected-ad-accounts.tsx';
import { DisconnectFacebook } from './disconnect-facebook.tsx';
import { FacebookHealth } from './facebook-health.tsx';
import {
  type FacebookNotice,
  FacebookNoticeView,
  settleFacebookReply,
} from './facebook-notice.tsx';
import { SystemUserTokenForm } from './system-user-token-form.tsx';

const text = en.options.facebook;

export interface FacebookSettingsProps {
  facebook: BackgroundFacebook;
  relayUrl: string;
  /** Marketers see the connection's state read-only. */
  isAdmin: boolean;
}

type View =
  | { phase: 'loading' }
  | { phase: 'failed'; notice: FacebookNotice }
  | { phase: 'ready'; status: FacebookStatus };

type Busy = 'connecting' | 'checking' | 'disconnecting';

/**
 * The workspace's Facebook connection: connect (admins), its health, the ad accounts it
 * exports to, the System User token, and disconnecting.
 */
export function FacebookSettings({ facebook, relayUrl, isAdmin }: FacebookSettingsProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<FacebookNotice | null>(null);
  const [picking, setPicking] = useState(false);

  const load = useCallback(
    async (refresh: boolean) => {
      const settled = settleFacebookReply(await facebook.status(refresh), relayUrl);
      if (settled.ok) setView({ phase: 'ready', status: settled.value });
      return settled;
    },
    [facebook, relayUrl],
  );

  useEffect(() => {
    void load(false).then((settled) => {
      if (!settled.ok) setView({ phase: 'failed', notice: settled.notice });
    });
  }, [load]);

  /** Runs one action at a time; its failure becomes the section's notice. */
  const act = async <T,>(
    kind: Busy,
    action: () => Promise<ReturnType<typeof settleFacebookReply<T>>>,
  ): Promise<T | null> => {
    if (busy) return null;
    setBusy(kind);
    setNotice(null);
    const settled = await action();
    setBusy(null);
    if (settled.ok) return settled.value;
    setNotice(settled.notice);
    return null;
  };

  const connect = async () => {
    const status = await act('connecting', async () =>
      settleFacebookReply(await facebook.connect(), relayUrl),
    );
    if (!status) return;
    setView({ phase: 'ready', status });
    setNotice({ tone: 'success', title: text.connected });
    if (status.adAccounts.length === 0) setPicking(true);
  };

  const checkNow = () => void act('checking', () => load(true));

  const disconnect = async () => {
    const status = await act('disconnecting', async () =>
      settleFacebookReply(await facebook.disconnect(), relayUrl),
    );
    if (!status) return;
    setPicking(false);
    setView({ phase: 'ready', status });
    setNotice({ tone: 'success', title: en.options.disconnect.done });
  };

  if (view.phase === 'loading') return <p role="status">{text.loading}</p>;
  if (view.phase === 'failed') {
    return (
      <div class="facebook-settings">
        <FacebookNoticeView notice={view.notice} />
        <div>
          <ActionButton
            variant="secondary"
            onClick={() => {
              setView({ phase: 'loading' });
              void load(true).then((settled) => {
                if (!settled.ok) setView({ phase: 'failed', notice: settled.notice });
              });
            }}
          >
            {text.retry}
          </ActionButton>
        </div>
      </div>
    );
  }

  const { status } = view;
  const news = notice && <FacebookNoticeView notice={notice} />;
  if (!status.connected) {
    return (
      <div class="facebook-settings">
        {news}
        <div class="facebook-settings__intro">
          <p class="facebook-settings__lead">{text.notConnectedTitle}</p>
          <p class="ar-muted">{isAdmin ? text.notConnectedAdmin : text.notConnectedMarketer}</p>
        </div>
        {isAdmin && (
          <div>
            <ActionButton
              variant="primary"
              busy={busy === 'connecting'}
              busyLabel={text.connecting}
              onClick={() => void connect()}
            >
              {text.connect}
            </ActionButton>
          </div>
        )}
      </div>
    );
  }

  const showPicker = isAdmin && (picking || status.adAccounts.length === 0);
  return (
    <div class="facebook-settings">
      {news}
      {status.mode === 'sandbox' && (
        <p class="ar-badge facebook-settings__sandbox">{text.sandbox}</p>
      )}
      <FacebookHealth
        status={status}
        isAdmin={isAdmin}
        checking={busy === 'checking'}
        onCheckNow={checkNow}
        onReconnect={() => void connect()}
      />
      <div class="facebook-settings__accounts">
        <h3>{en.options.adAccounts.heading}</h3>
        <p class="ar-muted">{en.options.adAccounts.intro}</p>
        {showPicker ? (
          <AdAccountPicker
            facebook={facebook}
            relayUrl={relayUrl}
            onSaved={({ adAccounts }) => {
              setPicking(false);
              setView({ phase: 'ready', status: { ...status, adAccounts } });
              setNotice({ tone: 'success', title: en.options.adAccounts.saved(adAccounts.length) });
            }}
            onCancel={() => setPicking(false)}
          />
        ) : (
          <>
            <ConnectedAdAccounts accounts={status.adAccounts} isAdmin={isAdmin} />
            {isAdmin && (
              <div>
                <ActionButton variant="secondary" onClick={() => setPicking(true)}>
                  {en.options.adAccounts.choose}
                </ActionButton>
              </div>
            )}
          </>
        )}
      </div>
      {isAdmin && (
        <>
          <SystemUserTokenForm
            facebook={facebook}
            relayUrl={relayUrl}
            systemUser={status.systemUser}
            onSaved={() => void load(false)}
            onRemoved={(next) => setView({ phase: 'ready', status: next })}
          />
          <div class="options-section__footer">
            <DisconnectFacebook
              busy={busy === 'disconnecting'}
              onDisconnect={() => void disconnect()}
            />
          </div>
        </>
      )}
    </div>
  );
}
