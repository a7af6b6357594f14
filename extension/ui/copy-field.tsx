import { useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';

/** Where copies go: `navigator.clipboard` in the pages, a fake in tests. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}

export interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  clipboard: Clipboard;
  /** Masked until shown (a secret); the copy button copies it either way. */
  secret?: boolean;
  /** Several lines (an example to paste): a read-only text area instead of an input. */
  multiline?: boolean;
}

/** A read-only value with a Copy button (and Show / Hide for secrets) that says what it did. */
export function CopyField({
  id,
  label,
  value,
  clipboard,
  secret = false,
  multiline = false,
}: CopyFieldProps) {
  const text = en.copy;
  const [shown, setShown] = useState(!secret);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    clipboard.writeText(value).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  const statusId = `${id}-status`;
  return (
    <div class="ar-field copy-field">
      <label for={id}>{label}</label>
      <div class="copy-field__row">
        {multiline ? (
          <textarea
            id={id}
            class="ar-input ar-input--mono copy-field__text"
            readOnly
            rows={value.split('\n').length}
            value={value}
            spellcheck={false}
          />
        ) : (
          <input
            id={id}
            class="ar-input ar-input--mono"
            readOnly
            // Preact types each input type's attributes apart; these two take the same ones.
            type={(shown ? 'text' : 'password') as 'text'}
            value={value}
            spellcheck={false}
            aria-describedby={statusId}
          />
        )}
        <div class="copy-field__buttons">
          {secret && (
            <button
              type="button"
              class="ar-button ar-button--secondary"
              aria-pressed={shown ? 'true' : 'false'}
              aria-controls={id}
              onClick={() => setShown(!shown)}
            >
              {shown ? text.hide : text.show}
            </button>
          )}
          <button
            type="button"
            class="ar-button ar-button--secondary"
            aria-label={text.copyLabel(label)}
            onClick={copy}
          >
            {text.copy}
          </button>
        </div>
      </div>
      <p id={statusId} role="status" class="copy-field__status">
        {copied === 'copied' ? text.copied : copied === 'failed' ? text.failed : ''}
      </p>
    </div>
  );
}
