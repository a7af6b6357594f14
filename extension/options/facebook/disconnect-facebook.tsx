import { en } from '../../i18n/en.ts';
import { ConfirmButton } from '../../ui/confirm-button.tsx';

const text = en.options.disconnect;

/** Disconnect, asked twice: the second question says what is lost. */
export function DisconnectFacebook({
  busy,
  onDisconnect,
}: {
  busy: boolean;
  onDisconnect: () => void;
}) {
  return (
    <ConfirmButton
      label={text.button}
      question={text.confirmTitle}
      consequence={text.confirmText}
      confirmLabel={text.confirm}
      keepLabel={text.keep}
      busy={busy}
      busyLabel={text.disconnecting}
      onConfirm={onDisconnect}
    />
  );
}
