import { invalidParameter, nonexistingField } from './errors.ts';

/** One requested field, with the sub-fields asked for in braces (`business{id,name}`). */
export interface FieldRequest {
  name: string;
  sub?: FieldRequest[];
}

/** Parses Graph's `fields` syntax: `id,name,business{id,name}`. */
export function parseFields(text: string): FieldRequest[] {
  let at = 0;
  const list = (): FieldRequest[] => {
    const out: FieldRequest[] = [];
    for (;;) {
      const match = /^\s*([a-z_][a-z0-9_]*)\s*/i.exec(text.slice(at));
      if (!match?.[1]) throw invalidParameter(`Syntax error in fields at character ${at}`);
      at += match[0].length;
      const field: FieldRequest = { name: match[1] };
      if (text[at] === '{') {
        at++;
        field.sub = list();
        if (text[at] !== '}') throw invalidParameter('Syntax error in fields: missing }');
        at++;
      }
      out.push(field);
      if (text[at] !== ',') return out;
      at++;
    }
  };
  const fields = list();
  if (at !== text.length) throw invalidParameter(`Syntax error in fields at character ${at}`);
  return fields;
}

/** How to produce each field a node type has; a field may be absent for some objects. */
export type FieldResolvers<T> = Record<string, (item: T, sub?: FieldRequest[]) => unknown>;

/** A node type as Graph shows it: its name, its fields, and the ones sent by default. */
export interface NodeView<T> {
  type: string;
  fields: FieldResolvers<T>;
  defaults: string[];
}

/**
 * Renders `item` with the requested fields (or the defaults), refusing unknown ones the way
 * Meta does. `id` always comes along, as in Graph answers.
 */
export function renderNode<T>(
  view: NodeView<T>,
  item: T,
  requested: FieldRequest[] | undefined,
): Record<string, unknown> {
  const fields: FieldRequest[] = requested ?? view.defaults.map((name) => ({ name }));
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const resolve = view.fields[field.name];
    if (!resolve) throw nonexistingField(field.name, view.type);
    const value = resolve(item, field.sub);
    if (value !== undefined) out[field.name] = value;
  }
  if (!('id' in out) && view.fields.id) out.id = view.fields.id(item);
  return out;
}

/** Picks sub-fields of a plain object (`business{id,name}`), all of them by default. */
export function pickSubFields(
  value: Record<string, unknown>,
  sub: FieldRequest[] | undefined,
  nodeType: string,
): Record<string, unknown> {
  if (!sub) return value;
  const out: Record<string, unknown> = {};
  for (const field of sub) {
    if (!(field.name in value)) throw nonexistingField(field.name, nodeType);
    out[field.name] = value[field.name];
  }
  return out;
}

export function requestedFields(params: Record<string, unknown>): FieldRequest[] | undefined {
  const fields = params.fields;
  if (fields === undefined || fields === '') return undefined;
  if (typeof fields !== 'string') throw invalidParameter('Param fields must be a string');
  return parseFields(fields);
}
