import type { ColumnNames } from './column-names.ts';
import { isPlainObject, type SourceUser, toSourceUser } from './source-user.ts';

/**
 * A user from one JSON object: a Braze export line (braze-and-platforms.md §1.7) or a flat
 * NDJSON line of any tool. Keys are read like CSV headers. `devices` and `custom_attributes`
 * are Braze's own. Other keys become custom attributes (and are passed to `unmapped`);
 * Braze's `custom_attributes` win over them on a clash. Braze has no standard state or ZIP
 * attribute, so a custom attribute whose name is recognised (`state`, `zip_code`) feeds a
 * field the standard attributes left empty.
 */
export function userFromObject(
  object: Record<string, unknown>,
  columns: ColumnNames,
  unmapped: (key: string) => void,
): SourceUser {
  const record: Record<string, unknown> = {};
  let attributes: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (key === 'devices') record.devices = value;
    else if (key === 'custom_attributes') continue;
    else {
      const target = columns.target(key);
      if (target.kind === 'field') record[target.field] ??= value;
      else if (target.kind === 'attribute') {
        attributes[target.name] = value;
        unmapped(key);
      }
    }
  }
  const braze = object.custom_attributes;
  if (isPlainObject(braze)) {
    attributes = { ...attributes, ...braze };
    for (const name of Object.keys(braze)) {
      const target = columns.target(name);
      if (target.kind === 'field') record[target.field] ??= braze[name];
    }
  }
  record.custom_attributes = attributes;
  return toSourceUser(record);
}
