import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ActionButton } from './action-button.tsx';

export interface ConfirmPanelProps {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel?: string;
  busy?: boolean;
  /** `danger` for what cannot be undone. */
  tone: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second question before an action that matters: what it does, then confirm or cancel.
 * Focus moves to its title so it is read out, and Escape cancels.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busyLabel,
  busy = false,
  tone,
  onConfirm,
  onCancel,
}: ConfirmPanelProps) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      class={`ar-notice ${tone === 'danger' ? 'ar-notice--error' : 'ar-notice--info'} confirm-action`}
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p ref={heading} tabIndex={-1} class="ar-notice__title">
        {title}
      </p>
      {children}
      <div class="button-row">
        <ActionButton
          variant={tone === 'danger' ? 'danger' : 'primary'}
          busy={busy}
          busyLabel={busyLabel}
          onClick={onConfirm}
        >
          {confirmLabel}
        </ActionButton>
        <ActionButton variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </ActionButton>
      </div>
    </section>
  );
}
