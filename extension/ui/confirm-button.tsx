import { useState } from 'preact/hooks';
import { ActionButton } from './action-button.tsx';
import { ConfirmPanel } from './confirm-panel.tsx';

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
    <ConfirmPanel
      title={question}
      tone="danger"
      confirmLabel={confirmLabel}
      cancelLabel={keepLabel}
      busy={busy}
      busyLabel={busyLabel}
      onConfirm={onConfirm}
      onCancel={() => setConfirming(false)}
    >
      <p>{consequence}</p>
    </ConfirmPanel>
  );
}
