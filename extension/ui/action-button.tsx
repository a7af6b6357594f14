import type { ComponentChildren } from 'preact';

export interface ActionButtonProps {
  variant: 'primary' | 'secondary' | 'danger';
  type?: 'button' | 'submit';
  /** While busy the button shows `busyLabel` and ignores clicks. */
  busy?: boolean;
  busyLabel?: string;
  onClick?: () => void;
  children: ComponentChildren;
}

/**
 * A button that says when it is working. It is marked `aria-disabled` rather than disabled
 * while busy, so it keeps keyboard focus instead of dropping it to the page.
 */
export function ActionButton({
  variant,
  type = 'button',
  busy = false,
  busyLabel,
  onClick,
  children,
}: ActionButtonProps) {
  return (
    <button
      type={type}
      class={`ar-button ar-button--${variant}`}
      aria-disabled={busy ? 'true' : undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.();
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
