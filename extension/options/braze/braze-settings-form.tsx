import type { BrazeSettingsRequest } from '../../../shared/relay-api/braze.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useCheckedForm } from '../../ui/use-checked-form.ts';
import { checkBrazeSettings } from './braze-settings-input.ts';

const text = en.options.braze;

export interface BrazeSettingsFormProps {
  /** The saved endpoint, when changing it: the key is never prefilled (it never comes back). */
  initialEndpoint?: string;
  busy: boolean;
  onSave: (request: BrazeSettingsRequest) => void;
  /** Shown when there is something to go back to. */
  onCancel?: () => void;
  focusOnMount?: boolean;
}

/** The REST endpoint (or a dashboard address) and a REST API key, checked as typed. */
export function BrazeSettingsForm({
  initialEndpoint = '',
  busy,
  onSave,
  onCancel,
  focusOnMount = false,
}: BrazeSettingsFormProps) {
  const form = useCheckedForm({
    initial: { endpoint: initialEndpoint, apiKey: '' },
    check: checkBrazeSettings,
    busy,
    onValid: ({ request }) => onSave(request),
    focusOnMount,
  });

  return (
    <form class="braze-form" onSubmit={form.submit} noValidate>
      <TextField
        id="braze-endpoint"
        label={text.endpointLabel}
        hint={text.endpointHint}
        error={form.errors.endpoint}
        value={form.values.endpoint}
        onValue={form.setter('endpoint')}
        inputRef={form.refs.endpoint}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={text.endpointPlaceholder}
      />
      <TextField
        id="braze-key"
        label={text.keyLabel}
        hint={text.keyHint}
        error={form.errors.apiKey}
        value={form.values.apiKey}
        onValue={form.setter('apiKey')}
        inputRef={form.refs.apiKey}
        // A secret: hidden as typed, never offered for autofill.
        type="password"
        autoComplete="off"
        mono
      />
      <div class="button-row">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.saving}>
          {text.save}
        </ActionButton>
        {onCancel && (
          <ActionButton variant="secondary" onClick={onCancel}>
            {text.cancel}
          </ActionButton>
        )}
      </div>
    </form>
  );
}
