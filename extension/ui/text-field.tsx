import type { Ref } from 'preact';

export interface TextFieldProps {
  id: string;
  label: string;
  /** Always shown under the input, and read with it. */
  hint: string;
  /** Shown (and read) before the hint once the value was checked and refused. */
  error?: string;
  value: string;
  onValue: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  type?: 'text' | 'url' | 'password';
  inputMode?: 'text' | 'url';
  autoComplete?: string;
  placeholder?: string;
  /** For codes and keys, which are easier to check in a fixed-width font. */
  mono?: boolean;
}

/** A labelled text input with its hint and its error, both tied to it for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  inputRef,
  mono = false,
  type = 'text',
  ...input
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class="ar-field">
      <label for={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        // Preact types each input type's attributes apart; these three take the same ones.
        type={type as 'text'}
        class={mono ? 'ar-input ar-input--mono' : 'ar-input'}
        spellcheck={false}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? 'true' : undefined}
      />
      {error && (
        <p id={errorId} class="ar-field-error">
          {error}
        </p>
      )}
      <p id={hintId} class="ar-hint">
        {hint}
      </p>
    </div>
  );
}
