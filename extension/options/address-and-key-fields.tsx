import type { RefObject } from 'preact';
import { TextField } from '../ui/text-field.tsx';

/** What one of the two fields says. */
interface FieldText {
  label: string;
  hint: string;
  placeholder?: string;
}

/** The part of a `useCheckedForm` these fields read and write. */
interface AddressAndKeyForm<Field extends string> {
  values: Record<Field, string>;
  errors: Partial<Record<Field, string>>;
  refs: Record<Field, RefObject<HTMLInputElement>>;
  setter: (field: Field) => (value: string) => void;
}

export interface AddressAndKeyFieldsProps<Field extends string> {
  form: AddressAndKeyForm<Field>;
  /** Prefix of the two inputs' ids, e.g. `relay` gives `relay-url` and `relay-key`. */
  idPrefix: string;
  /** The form's field names for the address and the key. */
  addressField: Field;
  keyField: Field;
  address: FieldText;
  apiKey: FieldText;
}

/**
 * A web address and the secret key that goes with it (the relay's, Braze's): the address as a
 * URL, the key hidden as typed and never offered for autofill, since it opens an account to
 * whoever reads it.
 */
export function AddressAndKeyFields<Field extends string>({
  form,
  idPrefix,
  addressField,
  keyField,
  address,
  apiKey,
}: AddressAndKeyFieldsProps<Field>) {
  return (
    <>
      <TextField
        id={`${idPrefix}-${addressField}`}
        label={address.label}
        hint={address.hint}
        error={form.errors[addressField]}
        value={form.values[addressField]}
        onValue={form.setter(addressField)}
        inputRef={form.refs[addressField]}
        type="url"
        inputMode="url"
        autoComplete="url"
        {...(address.placeholder ? { placeholder: address.placeholder } : {})}
      />
      <TextField
        id={`${idPrefix}-key`}
        label={apiKey.label}
        hint={apiKey.hint}
        error={form.errors[keyField]}
        value={form.values[keyField]}
        onValue={form.setter(keyField)}
        inputRef={form.refs[keyField]}
        type="password"
        autoComplete="off"
        {...(apiKey.placeholder ? { placeholder: apiKey.placeholder } : {})}
        mono
      />
    </>
  );
}
