import { useEffect, useRef, useState } from 'preact/hooks';
import type { AvailableAdAccount } from '../../../shared/relay-api/facebook.ts';
import type { ConnectedAdAccounts } from '../../facebook/facebook-service.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundFacebook } from '../../ui/background-facebook.ts';
import { AdAccountSummary } from './connected-ad-accounts.tsx';
import {
  type FacebookNotice,
  FacebookNoticeView,
  settleFacebookReply,
} from './facebook-notice.tsx';

const text = en.options.adAccounts;

export interface AdAccountPickerProps {
  facebook: Pick<BackgroundFacebook, 'adAccounts' | 'saveAdAccounts'>;
  relayUrl: string;
  onSaved: (saved: ConnectedAdAccounts) => void;
  onCancel: () => void;
}

type View =
  | { phase: 'loading' }
  | { phase: 'failed'; notice: FacebookNotice }
  | { phase: 'ready'; accounts: AvailableAdAccount[] };

/** Every ad account the token sees, with a checkbox each; saving replaces the whole set. */
export function AdAccountPicker({ facebook, relayUrl, onSaved, onCancel }: AdAccountPickerProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<FacebookNotice | null>(null);
  const legend = useRef<HTMLLegendElement>(null);

  useEffect(() => {
    let shown = true;
    void facebook.adAccounts().then((reply) => {
      if (!shown) return;
      const settled = settleFacebookReply(reply, relayUrl);
      if (!settled.ok) return setView({ phase: 'failed', notice: settled.notice });
      const { adAccounts } = settled.value;
      setChosen(new Set(adAccounts.filter((a) => a.connected).map((a) => a.id)));
      setView({ phase: 'ready', accounts: adAccounts });
    });
    return () => {
      shown = false;
    };
  }, [facebook, relayUrl]);

  useEffect(() => {
    if (view.phase === 'ready') legend.current?.focus();
  }, [view.phase]);

  if (view.phase === 'loading') return <p role="status">{text.loading}</p>;
  if (view.phase === 'failed') {
    return (
      <div class="ad-account-picker">
        <FacebookNoticeView notice={view.notice} />
        <div>
          <ActionButton variant="secondary" onClick={onCancel}>
            {text.cancel}
          </ActionButton>
        </div>
      </div>
    );
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblem(null);
    // In the order Facebook listed them, so the saved set reads like the list.
    const ids = view.accounts.filter((a) => chosen.has(a.id)).map((a) => a.id);
    const settled = settleFacebookReply(await facebook.saveAdAccounts(ids), relayUrl);
    setSaving(false);
    if (settled.ok) onSaved(settled.value);
    else setProblem(settled.notice);
  };

  return (
    <form class="ad-account-picker" onSubmit={save}>
      {problem && <FacebookNoticeView notice={problem} />}
      <fieldset>
        <legend ref={legend} tabIndex={-1}>
          {text.legend}
        </legend>
        {view.accounts.length === 0 ? (
          <p>{text.noneVisible}</p>
        ) : (
          <ul class="ad-account-list">
            {view.accounts.map((account) => {
              const id = `ad-account-${account.accountId}`;
              return (
                <li key={account.id} class="ad-account ad-account--choice">
                  <input
                    type="checkbox"
                    id={id}
                    checked={chosen.has(account.id)}
                    onChange={(event) => toggle(account.id, event.currentTarget.checked)}
                    aria-describedby={account.canManageAudiences ? undefined : `${id}-note`}
                  />
                  <label for={id}>
                    <AdAccountSummary account={account} />
                  </label>
                  {!account.canManageAudiences && (
                    <p id={`${id}-note`} class="ar-hint ad-account__note">
                      {text.cannotManage}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <div class="button-row">
        <ActionButton variant="primary" type="submit" busy={saving} busyLabel={text.saving}>
          {text.save}
        </ActionButton>
        <ActionButton variant="secondary" onClick={onCancel}>
          {text.cancel}
        </ActionButton>
      </div>
    </form>
  );
}
