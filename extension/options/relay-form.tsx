import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import {
  checkRelaySettings,
  type RelaySettings,
  type RelaySettingsField,
} from '../relay/relay-settings.ts';
import { ActionButton } from '../ui/action-button.tsx';

const text = en.relayForm;

export interface RelayFormProps {
  initialUrl?: string;
  /** While connecting: the button says so and further submits are ignored. */
  busy: boolean;
  /**
   * Called with checked settings inside the submit event itself, so the handler may still
   * ask for a permission (browsers only prompt from a user gesture).
   */
  onConnect: (settings: RelaySettings) => void;
  focusOnMount?: boolean;
}

/** Relay address and workspace key, checked as typed before anything is sent. */
export function RelayForm({
  initialUrl = '',
  busy,
  onConnect,
  focusOnMount = false,
}: RelayFormProps) {
  const [url, setUrl] = useState(initialUrl);
  const [apiKey, setApiKey] = useState('');
  const [errors, setErrors] = useState<Partial<Record<RelaySettingsField, string>>>({});
  const urlInput = useRef<HTMLInputElement>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) urlInput.current?.focus();
  }, [focusOnMount]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const check = checkRelaySettings({ url, apiKey });
    if (!check.ok) {
      setErrors(check.errors);
      (check.errors.url ? urlInput : keyInput).current?.focus();
      return;
    }
    setErrors({});
    onConnect(check.settings);
  };

  return (
    <form class="relay-form" onSubmit={submit} noValidate>
      <Field id="relay-url" label={text.urlLabel} hint={text.urlHint} error={errors.url}>
        {(described) => (
          <input
            {...described}
            ref={urlInput}
            class="ar-input"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="https://relay.example.com"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="relay-key" label={text.keyLabel} hint={text.keyHint} error={errors.apiKey}>
        {(described) => (
          <input
            {...described}
            ref={keyInput}
            class="ar-input ar-input--mono"
            // Hidden like a password: it opens the workspace to whoever reads it.
            type="password"
            autoComplete="off"
            spellcheck={false}
            placeholder="ar_live_…"
            value={apiKey}
            onInput={(event) => setApiKey(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="relay-form__actions">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.connecting}>
          {text.connect}
        </ActionButton>
      </div>
    </form>
  );
}

interface DescribedBy {
  id: string;
  'aria-describedby': string;
  'aria-invalid'?: 'true';
}

interface FieldProps {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: (input: DescribedBy) => ComponentChildren;
}

/** A labelled input with its hint and, once checked, its error, both tied to the input. */
function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class="ar-field">
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-describedby': error ? `${errorId} ${hintId}` : hintId,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
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
