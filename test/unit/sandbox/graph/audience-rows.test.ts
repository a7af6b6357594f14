import { describe, expect, it } from 'vitest';
import {
  cellProblem,
  checkRows,
  MAX_ROWS_PER_REQUEST,
  parseSchema,
  rowCells,
  rowKey,
  rowProblem,
} from '../../../../sandbox/graph/audience-rows.ts';
import { GraphError } from '../../../../sandbox/graph/errors.ts';

const HASH = 'f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79';
const MADID = 'aece52e7-03ee-455a-b3c4-e57283966239';

describe('parseSchema', () => {
  it('maps single keys to their data source', () => {
    expect(parseSchema('EMAIL_SHA256', undefined)).toMatchObject({
      keys: ['EMAIL_SHA256'],
      dataSource: 'HASHES_OR_USER_IDS',
    });
    expect(parseSchema('MOBILE_ADVERTISER_ID', undefined).dataSource).toBe('MOBILE_ADVERTISER_IDS');
    expect(parseSchema('EXTERN_ID', undefined).dataSource).toBe('EXTERNAL_IDS');
  });

  it('takes multi-key arrays from the allowed list with is_raw true', () => {
    const schema = parseSchema(['EMAIL', 'LOOKALIKE_VALUE'], true);
    expect(schema).toMatchObject({
      dataSource: 'MULTI_HASHES',
      hasValue: true,
      id: '["EMAIL","LOOKALIKE_VALUE"]',
    });
  });

  it.each([
    ['an unknown single key', 'EMAIL_MD5', undefined],
    ['LOOKALIKE_VALUE alone', 'LOOKALIKE_VALUE', undefined],
    ['an empty array', [], true],
    ['a key outside the list', ['EMAIL', 'PAGEUID'], true],
    ['a duplicate key', ['FN', 'FN'], true],
    ['only attribute columns', ['LOOKALIKE_VALUE', 'DATA_PROCESSING_OPTIONS'], true],
    ['a multi-key array without is_raw', ['EMAIL', 'FN'], undefined],
    ['a number', 5, undefined],
  ])('refuses %s', (_, schema, isRaw) => {
    expect(() => parseSchema(schema, isRaw)).toThrow(GraphError);
  });
});

describe('cellProblem', () => {
  it('wants hashed keys as 64 lowercase hex characters', () => {
    expect(cellProblem('EMAIL', HASH, false)).toBeUndefined();
    expect(cellProblem('EMAIL', HASH.toUpperCase(), false)).toMatch(/lowercase hex/);
    expect(cellProblem('PHONE', HASH.slice(1), false)).toMatch(/lowercase hex/);
    expect(cellProblem('EMAIL', 'mary@example.com', false)).toMatch(/lowercase hex/);
  });

  it('lets multi-key rows leave cells blank, not single-key rows', () => {
    expect(cellProblem('FN', '', false)).toBeUndefined();
    expect(cellProblem('EMAIL_SHA256', '', true)).toMatch(/empty/);
  });

  it('wants MADIDs plain, lowercase and not zeroed', () => {
    expect(cellProblem('MADID', MADID, false)).toBeUndefined();
    expect(cellProblem('MOBILE_ADVERTISER_ID', MADID, true)).toBeUndefined();
    expect(cellProblem('MADID', HASH, false)).toMatch(/not be hashed/);
    expect(cellProblem('MADID', MADID.toUpperCase(), false)).toMatch(/lowercase/);
    expect(cellProblem('MADID', '00000000-0000-0000-0000-000000000000', false)).toMatch(/all-zero/);
  });

  it('takes any external id as is', () => {
    expect(cellProblem('EXTERN_ID', 'Crm #42', true)).toBeUndefined();
    expect(cellProblem('EXTERN_ID', HASH, true)).toBeUndefined();
    expect(cellProblem('EXTERN_ID', 42, true)).toMatch(/string/);
  });

  it('checks the attribute columns', () => {
    expect(cellProblem('LOOKALIKE_VALUE', 0, false)).toBeUndefined();
    expect(cellProblem('LOOKALIKE_VALUE', 44.5, false)).toBeUndefined();
    expect(cellProblem('LOOKALIKE_VALUE', -1, false)).toBeDefined();
    expect(cellProblem('LOOKALIKE_VALUE', '3', false)).toBeDefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS', ['LDU'], false)).toBeUndefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS', [], false)).toBeUndefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS', ['GDPR'], false)).toBeDefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS_COUNTRY', 1, false)).toBeUndefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS_COUNTRY', 2, false)).toBeDefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS_STATE', 1000, false)).toBeUndefined();
    expect(cellProblem('DATA_PROCESSING_OPTIONS_STATE', 1, false)).toBeDefined();
  });
});

describe('rowProblem', () => {
  it('needs at least one identifying value', () => {
    expect(rowProblem(['EMAIL', 'LOOKALIKE_VALUE'], ['', 3])).toBe(
      'the row has no identifying value',
    );
    expect(rowProblem(['EMAIL', 'LOOKALIKE_VALUE'], [HASH, 3])).toBeUndefined();
  });

  it('names the key of the first bad cell', () => {
    expect(rowProblem(['EMAIL', 'FN'], [HASH, 'Mary'])).toMatch(/^FN: /);
  });
});

describe('checkRows', () => {
  const single = parseSchema('EMAIL_SHA256', undefined);

  it('splits valid rows from invalid ones, sampling the invalid', () => {
    const result = checkRows(single, [[HASH], 'nope', HASH]);
    expect(result.valid).toEqual([HASH, HASH]);
    expect(result.invalid).toBe(1);
    expect(result.samples).toEqual({ nope: expect.stringContaining('EMAIL_SHA256') });
  });

  it('fails the whole request on a row of the wrong width', () => {
    const multi = parseSchema(['EMAIL', 'FN'], true);
    expect(() => checkRows(multi, [[HASH, ''], [HASH]])).toThrow(/does not match schema/);
    expect(() => checkRows(single, [[HASH, HASH]])).toThrow(/does not match schema/);
  });

  it('refuses more than 10,000 rows, an empty list and a non-list', () => {
    const rows = Array.from({ length: MAX_ROWS_PER_REQUEST }, () => HASH);
    expect(checkRows(single, rows).valid).toHaveLength(10_000);
    expect(() => checkRows(single, [...rows, HASH])).toThrow(
      expect.objectContaining({ code: 105 }),
    );
    expect(() => checkRows(single, [])).toThrow(GraphError);
    expect(() => checkRows(single, 'rows')).toThrow(GraphError);
  });
});

describe('row keys', () => {
  it('round-trip cells, non-strings as JSON', () => {
    const key = rowKey(['crm-1', HASH, 44.5, ['LDU']]);
    expect(rowCells(key)).toEqual(['crm-1', HASH, '44.5', '["LDU"]']);
  });
});
