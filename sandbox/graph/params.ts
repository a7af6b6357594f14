import { invalidParameter, missingParameter } from './errors.ts';

/** Every parameter of a Graph call: query string merged with the body (form, multipart, JSON). */
export type Params = Record<string, unknown>;

/**
 * Reads query and body the way Meta does: `application/x-www-form-urlencoded`, multipart or
 * JSON bodies, body values winning over the query. Form values stay strings; the typed
 * readers below parse JSON-string values (`payload={...}`) when a parameter wants an object.
 */
export async function readParams(request: Request): Promise<Params> {
  const params: Params = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const text = await request.text();
    if (!text.trim()) return params;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw invalidParameter('The request body is not valid JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalidParameter('The JSON request body must be an object');
    }
    return { ...params, ...(body as Params) };
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await request.formData();
    for (const [name, value] of form) params[name] = typeof value === 'string' ? value : value.name;
  }
  return params;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`Param ${name} must be a string`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value.trim() === '') throw missingParameter(name);
  return value;
}

/** Booleans arrive as JSON booleans, `true`/`false` strings or 1/0. */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
  return toBoolean(params[name], name);
}

export function toBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true' || value === 1 || value === '1') return true;
  if (value === false || value === 'false' || value === 0 || value === '0') return false;
  throw invalidParameter(`Param ${name} must be a boolean`);
}

/** An integer given as a JSON number or a decimal string. */
export function toInteger(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw invalidParameter(`Param ${name} must be an integer`);
  }
  return number;
}

export function optionalInteger(params: Params, name: string): number | undefined {
  return toInteger(params[name], name);
}

/** A JSON object or array, sent as such in a JSON body or as a JSON string in a form field. */
export function optionalJson(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw invalidParameter(`Param ${name} must be JSON`);
  }
}

export function requiredObject(params: Params, name: string): Record<string, unknown> {
  const value = optionalJson(params, name);
  if (value === undefined) throw missingParameter(name);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter(`Param ${name} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
