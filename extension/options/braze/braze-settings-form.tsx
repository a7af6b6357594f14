import type { BrazeSettingsRequest } from '../../../shared/relay-api/braze.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { useCheckedForm } from '../../ui/use-checked-form.ts';
import { AddressAndKeyFields } from '../address-and-key-fields.tsx';
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
      <AddressAndKeyFields
        form={form}
        idPrefix="braze"
        addressField="endpoint"
        keyField="apiKey"
        address={{
          label: text.endpointLabel,
          hint: text.endpointHint,
          placeholder: text.endpointPlaceholder,
        }}
        apiKey={{ label: text.keyLabel, hint: text.keyHint }}
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
