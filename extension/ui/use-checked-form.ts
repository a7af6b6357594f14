import { createRef, type RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** What a form's check says: the value to send, or a message for each field it refused. */
export type FormCheck<Field extends string> =
  | { ok: true }
  | { ok: false; errors: FieldErrors<Field> };

export interface CheckedFormOptions<Field extends string, Check extends FormCheck<Field>> {
  /** Each field's first value, in page order: the first refused field gets the focus. */
  initial: Record<Field, string>;
  check: (values: Record<Field, string>) => Check;
  /** While busy, submitting does nothing (the button says why). */
  busy: boolean;
  /** Called with the check's success inside the submit event (browsers prompt only then). */
  onValid: (checked: Extract<Check, { ok: true }>) => void;
  /** Focuses the first field once shown. */
  focusOnMount: boolean;
}

/**
 * A form of text fields checked as a whole on submit, before anything is sent: the
 * messages go next to their fields and the focus to the first one refused.
 */
export function useCheckedForm<Field extends string, Check extends FormCheck<Field>>({
  initial,
  check,
  busy,
  onValid,
  focusOnMount,
}: CheckedFormOptions<Field, Check>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const fields = Object.keys(initial) as Field[];
  // One ref per field for the form's lifetime: the fields never change.
  const [refs] = useState(
    () =>
      Object.fromEntries(fields.map((field) => [field, createRef<HTMLInputElement>()])) as Record<
        Field,
        RefObject<HTMLInputElement>
      >,
  );
  const first = fields[0];
  useEffect(() => {
    if (focusOnMount && first) refs[first].current?.focus();
  }, [focusOnMount, first, refs]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = check(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      const refused = fields.find((field) => checked.errors[field]);
      if (refused) refs[refused].current?.focus();
      return;
    }
    setErrors({});
    onValid(checked as Extract<Check, { ok: true }>);
  };

  return {
    values,
    errors,
    refs,
    submit,
    /** The `onValue` of one field's input. */
    setter: (field: Field) => (value: string) =>
      setValues((current) => ({ ...current, [field]: value })),
  };
}
