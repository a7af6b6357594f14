import { useEffect, useRef, useState } from 'preact/hooks';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';

const text = en.options.disconnect;

/** Disconnect, asked twice: the second question says what is lost. */
export function DisconnectFacebook({
  busy,
  onDisconnect,
}: {
  busy: boolean;
  onDisconnect: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <div>
        <ActionButton variant="danger" onClick={() => setConfirming(true)}>
          {text.button}
        </ActionButton>
      </div>
    );
  }
  return (
    <div class="ar-notice ar-notice--error disconnect-facebook">
      <p ref={question} tabIndex={-1} class="ar-notice__title">
        {text.confirmTitle}
      </p>
      <p>{text.confirmText}</p>
      <div class="button-row">
        <ActionButton
          variant="danger"
          busy={busy}
          busyLabel={text.disconnecting}
          onClick={onDisconnect}
        >
          {text.confirm}
        </ActionButton>
        <ActionButton variant="secondary" onClick={() => setConfirming(false)}>
          {text.keep}
        </ActionButton>
      </div>
    </div>
  );
}
