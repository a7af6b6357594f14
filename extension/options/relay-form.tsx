import { useEffect, useRef, useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import {
  checkRelaySettings,
  type RelaySettings,
  type RelaySettingsField,
} from '../relay/relay-settings.ts';
import { ActionButton } from '../ui/action-button.tsx';
import { TextField } from '../ui/text-field.tsx';

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
      <TextField
        id="relay-url"
        label={text.urlLabel}
        hint={text.urlHint}
        error={errors.url}
        value={url}
        onValue={setUrl}
        inputRef={urlInput}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={text.urlPlaceholder}
      />
      <TextField
        id="relay-key"
        label={text.keyLabel}
        hint={text.keyHint}
        error={errors.apiKey}
        value={apiKey}
        onValue={setApiKey}
        inputRef={keyInput}
        // Hidden like a password: it opens the workspace to whoever reads it.
        type="password"
        autoComplete="off"
        placeholder={text.keyPlaceholder}
        mono
      />
      <div class="relay-form__actions">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.connecting}>
          {text.connect}
        </ActionButton>
      </div>
    </form>
  );
}
