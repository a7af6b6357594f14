import { useRef, useState } from 'preact/hooks';
import type { TokenStatus } from '../../../shared/relay-api/facebook.ts';
import type { FacebookStatus, SystemUserToken } from '../../facebook/facebook-service.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundFacebook } from '../../ui/background-facebook.ts';
import { TextField } from '../../ui/text-field.tsx';
import {
  type FacebookNotice,
  FacebookNoticeView,
  settleFacebookReply,
} from './facebook-notice.tsx';

const text = en.options.systemUser;
// The relay refuses shorter ones (`systemUserTokenRequest`); say so before sending.
const MIN_TOKEN_LENGTH = 20;

export interface SystemUserTokenFormProps {
  facebook: Pick<BackgroundFacebook, 'useSystemUserToken' | 'removeSystemUserToken'>;
  relayUrl: string;
  systemUser: TokenStatus | null;
  onSaved: (saved: SystemUserToken) => void;
  onRemoved: (status: FacebookStatus) => void;
}

/** Paste a System User token (the relay checks it) or remove it to fall back to the user token. */
export function SystemUserTokenForm({
  facebook,
  relayUrl,
  systemUser,
  onSaved,
  onRemoved,
}: SystemUserTokenFormProps) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'saving' | 'removing' | null>(null);
  const [notice, setNotice] = useState<FacebookNotice | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const value = token.trim();
    const refused = !value ? text.missing : value.length < MIN_TOKEN_LENGTH ? text.tooShort : '';
    setError(refused || undefined);
    if (refused) return input.current?.focus();
    setBusy('saving');
    setNotice(null);
    const settled = settleFacebookReply(await facebook.useSystemUserToken(value), relayUrl);
    setBusy(null);
    if (!settled.ok) return setNotice(settled.notice);
    setToken('');
    const name = settled.value.systemUser.facebookUser.name ?? '';
    setNotice({ tone: 'success', title: text.saved(name) });
    onSaved(settled.value);
  };

  const remove = async () => {
    setBusy('removing');
    setNotice(null);
    const settled = settleFacebookReply(await facebook.removeSystemUserToken(), relayUrl);
    setBusy(null);
    if (!settled.ok) return setNotice(settled.notice);
    setNotice({ tone: 'success', title: text.removed });
    onRemoved(settled.value);
  };

  return (
    <div class="system-user">
      <h3>{text.heading}</h3>
      <p class="ar-muted">{text.intro}</p>
      {notice && <FacebookNoticeView notice={notice} />}
      {systemUser && (
        <div class="system-user__current">
          <p>{text.inUse(systemUser.facebookUser.name ?? '')}</p>
          <div>
            <ActionButton
              variant="danger"
              busy={busy === 'removing'}
              busyLabel={text.removing}
              onClick={() => void remove()}
            >
              {text.remove}
            </ActionButton>
          </div>
        </div>
      )}
      <form class="system-user__form" onSubmit={save} noValidate>
        <TextField
          id="system-user-token"
          label={text.label}
          hint={text.hint}
          error={error}
          value={token}
          onValue={setToken}
          inputRef={input}
          // A secret: hidden as typed, never offered for autofill.
          type="password"
          autoComplete="off"
          mono
        />
        <div>
          <ActionButton
            variant="secondary"
            type="submit"
            busy={busy === 'saving'}
            busyLabel={text.saving}
          >
            {text.save}
          </ActionButton>
        </div>
      </form>
    </div>
  );
}
