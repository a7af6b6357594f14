import { en } from '../i18n/en.ts';
import { checkRelaySettings, type RelaySettings } from '../relay/relay-settings.ts';
import { ActionButton } from '../ui/action-button.tsx';
import { useCheckedForm } from '../ui/use-checked-form.ts';
import { AddressAndKeyFields } from './address-and-key-fields.tsx';

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
      <AddressAndKeyFields
        form={form}
        idPrefix="relay"
        addressField="url"
        keyField="apiKey"
        address={{ label: text.urlLabel, hint: text.urlHint, placeholder: text.urlPlaceholder }}
        apiKey={{ label: text.keyLabel, hint: text.keyHint, placeholder: text.keyPlaceholder }}
      />
      <div class="relay-form__actions">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.connecting}>
          {text.connect}
        </ActionButton>
      </div>
    </form>
  );
}
