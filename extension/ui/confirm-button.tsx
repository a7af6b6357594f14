import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionButton } from './action-button.tsx';

export interface ConfirmButtonProps {
  /** The first button. */
  label: string;
  /** The second question, and what is lost by answering yes. */
  question: string;
  consequence: string;
  confirmLabel: string;
  keepLabel: string;
  busy: boolean;
  busyLabel: string;
  onConfirm: () => void;
}

/** A destructive action, asked twice: the second question says what is lost. */
export function ConfirmButton({
  label,
  question,
  consequence,
  confirmLabel,
  keepLabel,
  busy,
  busyLabel,
  onConfirm,
}: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <div>
        <ActionButton variant="danger" onClick={() => setConfirming(true)}>
          {label}
        </ActionButton>
      </div>
    );
  }
  return (
    <div class="ar-notice ar-notice--error confirm-action">
      <p ref={questionRef} tabIndex={-1} class="ar-notice__title">
        {question}
      </p>
      <p>{consequence}</p>
      <div class="button-row">
        <ActionButton variant="danger" busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
          {confirmLabel}
        </ActionButton>
        <ActionButton variant="secondary" onClick={() => setConfirming(false)}>
          {keepLabel}
        </ActionButton>
      </div>
    </div>
  );
}
