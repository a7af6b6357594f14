import { useEffect, useRef, useState } from 'preact/hooks';
import type { BrazeSettingsRequest } from '../../../shared/relay-api/braze.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { type BrazeSettingsField, checkBrazeSettings } from './braze-settings-input.ts';

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
  const [endpoint, setEndpoint] = useState(initialEndpoint);
  const [apiKey, setApiKey] = useState('');
  const [errors, setErrors] = useState<Partial<Record<BrazeSettingsField, string>>>({});
  const endpointInput = useRef<HTMLInputElement>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) endpointInput.current?.focus();
  }, [focusOnMount]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const check = checkBrazeSettings({ endpoint, apiKey });
    if (!check.ok) {
      setErrors(check.errors);
      (check.errors.endpoint ? endpointInput : keyInput).current?.focus();
      return;
    }
    setErrors({});
    onSave(check.request);
  };

  return (
    <form class="braze-form" onSubmit={submit} noValidate>
      <TextField
        id="braze-endpoint"
        label={text.endpointLabel}
        hint={text.endpointHint}
        error={errors.endpoint}
        value={endpoint}
        onValue={setEndpoint}
        inputRef={endpointInput}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={text.endpointPlaceholder}
      />
      <TextField
        id="braze-key"
        label={text.keyLabel}
        hint={text.keyHint}
        error={errors.apiKey}
        value={apiKey}
        onValue={setApiKey}
        inputRef={keyInput}
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
