import { en } from '../i18n/en.ts';
import { checkRelaySettings, type RelaySettings } from '../relay/relay-settings.ts';
import { ActionButton } from '../ui/action-button.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useCheckedForm } from '../ui/use-checked-form.ts';

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
  const form = useCheckedForm({
    initial: { url: initialUrl, apiKey: '' },
    check: checkRelaySettings,
    busy,
    onValid: ({ settings }) => onConnect(settings),
    focusOnMount,
  });

  return (
    <form class="relay-form" onSubmit={form.submit} noValidate>
      <TextField
        id="relay-url"
        label={text.urlLabel}
        hint={text.urlHint}
        error={form.errors.url}
        value={form.values.url}
        onValue={form.setter('url')}
        inputRef={form.refs.url}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={text.urlPlaceholder}
      />
      <TextField
        id="relay-key"
        label={text.keyLabel}
        hint={text.keyHint}
        error={form.errors.apiKey}
        value={form.values.apiKey}
        onValue={form.setter('apiKey')}
        inputRef={form.refs.apiKey}
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
