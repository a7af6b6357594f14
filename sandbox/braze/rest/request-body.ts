import type { Context } from 'hono';

/** The JSON object body of a request, or undefined when it is missing, malformed or not an object. */
export async function jsonObject(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await c.req.text());
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Checks `fields_to_export`: required, names from `valid`; returns the problem, if any. */
export function fieldsProblem(value: unknown, valid: readonly string[]): string | undefined {
  if (value === undefined) return 'fields_to_export is required';
  if (!isStringArray(value) || value.length === 0) {
    return 'fields_to_export must be a non-empty array of field names';
  }
  const unknown = value.filter((field) => !valid.includes(field));
  return unknown.length > 0 ? `Invalid fields_to_export: ${unknown.join(', ')}` : undefined;
}
