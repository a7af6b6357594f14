import { invalidParameter, schemaMismatch, tooManyRows } from './errors.ts';

/**
 * Validation of `payload` for /users and /usersreplace (reference §4.2, §5): the schema, each
 * row's width, and each cell by its key. Pure: no world state here.
 */

export const MAX_ROWS_PER_REQUEST = 10_000;
/** `invalid_entry_samples` holds at most this many entries (reference §4.5). */
export const MAX_INVALID_SAMPLES = 100;

/** Multi-key columns whose values must be SHA-256 digests (reference §5.1). */
const HASHED_COLUMNS = [
  'EMAIL',
  'PHONE',
  'GEN',
  'DOBY',
  'DOBM',
  'DOBD',
  'LN',
  'FN',
  'FI',
  'CT',
  'ST',
  'ZIP',
  'COUNTRY',
];
/** Keys whose values must be SHA-256 digests in lowercase hex. */
const HASHED_KEYS = new Set([...HASHED_COLUMNS, 'EMAIL_SHA256', 'PHONE_SHA256']);
/** Keys sent in plain text (reference §5.1: "Don't hash"). */
const PLAIN_ID_KEYS = new Set(['MADID', 'MOBILE_ADVERTISER_ID', 'EXTERN_ID']);
/** Columns that describe a row rather than identify a person. */
const ATTRIBUTE_KEYS = new Set([
  'LOOKALIKE_VALUE',
  'DATA_PROCESSING_OPTIONS',
  'DATA_PROCESSING_OPTIONS_COUNTRY',
  'DATA_PROCESSING_OPTIONS_STATE',
]);

/** Names allowed as a single-key string schema. */
const SINGLE_KEYS = new Set([...HASHED_KEYS, ...PLAIN_ID_KEYS]);
/** Names allowed in a multi-key array (reference §4.2; PAGEUID/APPUID need ids we don't model). */
const MULTI_KEYS = new Set(['EXTERN_ID', 'MADID', ...HASHED_COLUMNS, ...ATTRIBUTE_KEYS]);

/** The audience's data source sub-type an upload implies (reference §3.3, §4.5). */
export type DataSourceSubtype =
  | 'HASHES_OR_USER_IDS'
  | 'MULTI_HASHES'
  | 'MOBILE_ADVERTISER_IDS'
  | 'EXTERNAL_IDS';

export interface UploadSchema {
  /** The schema as sent: a key name or an array of key names. */
  original: string | string[];
  keys: string[];
  /** A stable text form, e.g. `EMAIL_SHA256` or `["EMAIL","FN"]`. */
  id: string;
  dataSource: DataSourceSubtype;
  hasValue: boolean;
}

export function parseSchema(schema: unknown, isRaw: unknown): UploadSchema {
  if (typeof schema === 'string') {
    if (!SINGLE_KEYS.has(schema)) throw invalidParameter(`Invalid schema: ${schema}`);
    const dataSource =
      schema === 'EXTERN_ID'
        ? 'EXTERNAL_IDS'
        : schema === 'MADID' || schema === 'MOBILE_ADVERTISER_ID'
          ? 'MOBILE_ADVERTISER_IDS'
          : 'HASHES_OR_USER_IDS';
    return { original: schema, keys: [schema], id: schema, dataSource, hasValue: false };
  }
  if (!Array.isArray(schema) || schema.length === 0) {
    throw invalidParameter('payload.schema must be a key name or a non-empty array of key names');
  }
  const keys: string[] = [];
  for (const key of schema) {
    if (typeof key !== 'string' || !MULTI_KEYS.has(key)) {
      throw invalidParameter(`Invalid schema key: ${String(key)}`);
    }
    if (keys.includes(key)) throw invalidParameter(`Duplicate schema key: ${key}`);
    keys.push(key);
  }
  if (!keys.some((key) => !ATTRIBUTE_KEYS.has(key))) {
    throw invalidParameter('payload.schema must contain at least one identifying key');
  }
  // Whether multi-key uploads need is_raw is UNCONFIRMED (reference §10 item 12); the SDK
  // insists, so do we.
  if (isRaw !== true && isRaw !== 'true') {
    throw invalidParameter('payload.is_raw must be true for a multi-key schema');
  }
  return {
    original: keys,
    keys,
    id: JSON.stringify(keys),
    dataSource: 'MULTI_HASHES',
    hasValue: keys.includes('LOOKALIKE_VALUE'),
  };
}

export interface RowCheck {
  /** Accepted rows, each as its storable key (see `rowKey`). */
  valid: string[];
  invalid: number;
  samples: Record<string, string>;
}

/**
 * Checks every row of `data` against `schema`. A row of the wrong width fails the whole
 * request (Meta: "Data is missing or does not match schema"); a bad cell only makes its row
 * invalid: counted, sampled, not stored.
 */
export function checkRows(schema: UploadSchema, data: unknown): RowCheck {
  if (!Array.isArray(data)) throw invalidParameter('payload.data must be an array of rows');
  if (data.length === 0) throw invalidParameter('payload.data must not be empty');
  if (data.length > MAX_ROWS_PER_REQUEST) throw tooManyRows(MAX_ROWS_PER_REQUEST);
  const single = typeof schema.original === 'string';
  const result: RowCheck = { valid: [], invalid: 0, samples: {} };
  for (const raw of data) {
    const row = single && !Array.isArray(raw) ? [raw] : raw;
    if (!Array.isArray(row) || row.length !== schema.keys.length) throw schemaMismatch();
    const problem = rowProblem(schema.keys, row);
    if (problem) {
      result.invalid++;
      if (Object.keys(result.samples).length < MAX_INVALID_SAMPLES) {
        result.samples[sampleText(row)] = problem;
      }
    } else {
      result.valid.push(rowKey(row));
    }
  }
  return result;
}

/** Why a row is invalid, or undefined when every cell is acceptable. */
export function rowProblem(keys: string[], row: unknown[]): string | undefined {
  const single = keys.length === 1;
  let identified = false;
  for (const [index, key] of keys.entries()) {
    const cell = row[index];
    const problem = cellProblem(key, cell, single);
    if (problem) return `${key}: ${problem}`;
    if (!ATTRIBUTE_KEYS.has(key) && cell !== '') identified = true;
  }
  return identified ? undefined : 'the row has no identifying value';
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export function cellProblem(key: string, cell: unknown, single: boolean): string | undefined {
  if (ATTRIBUTE_KEYS.has(key)) return attributeProblem(key, cell);
  if (typeof cell !== 'string') return 'must be a string';
  // Multi-key rows leave unknown keys blank (reference §4.2); a single-key row can't.
  if (cell === '') return single ? 'is empty' : undefined;
  if (HASHED_KEYS.has(key)) {
    return HEX_DIGEST.test(cell) ? undefined : 'must be a SHA-256 digest in lowercase hex';
  }
  if (key === 'EXTERN_ID') return undefined;
  if (PLAIN_ID_KEYS.has(key)) {
    // MADIDs go unhashed, lowercase, hyphens kept; the exact format Meta accepts is not
    // documented, so we take the strictest reading: a lowercase UUID that is not all zeros.
    if (HEX_DIGEST.test(cell)) return 'must not be hashed';
    if (!UUID.test(cell)) return 'must be a lowercase advertising id (UUID with hyphens)';
    if (cell === ZERO_UUID) return 'is the all-zero advertising id of a device that opted out';
  }
  return undefined;
}

function attributeProblem(key: string, cell: unknown): string | undefined {
  switch (key) {
    case 'LOOKALIKE_VALUE':
      return typeof cell === 'number' && Number.isFinite(cell) && cell >= 0
        ? undefined
        : 'must be a non-negative number';
    case 'DATA_PROCESSING_OPTIONS':
      return Array.isArray(cell) && cell.every((option) => option === 'LDU')
        ? undefined
        : 'must be [] or ["LDU"]';
    case 'DATA_PROCESSING_OPTIONS_COUNTRY':
      return cell === 0 || cell === 1 ? undefined : 'must be 0 or 1';
    default:
      return cell === 0 || cell === 1000 ? undefined : 'must be 0 or 1000';
  }
}

const SEPARATOR = '\u001f';

/** Compact storable form of a row: cells joined by the unit separator, non-strings as JSON. */
export function rowKey(row: unknown[]): string {
  return row
    .map((cell) => (typeof cell === 'string' ? cell : JSON.stringify(cell)))
    .join(SEPARATOR);
}

export function rowCells(key: string): string[] {
  return key.split(SEPARATOR);
}

function sampleText(row: unknown[]): string {
  return row.length === 1 ? String(row[0]) : JSON.stringify(row);
}
