import { describe, expect, it } from 'vitest';
import {
  brazeId,
  decodeBrazeId,
  decodeMaskedUuid,
  indexesForCode,
  maskedUuid,
  userCode,
} from '../../../../../sandbox/braze/users/identity.ts';

const ref = { segmentKey: 0xdeadbeef, index: 2_999_999 };

describe('user identifiers', () => {
  it('decode back to the segment key and index they were made from', () => {
    expect(decodeBrazeId(brazeId(1_600_000_000, ref))).toEqual(ref);
    const id = maskedUuid(42, 1, ref);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(decodeMaskedUuid(42, 1, id)).toEqual(ref);
    expect(decodeMaskedUuid(42, 1, id.toUpperCase())).toEqual(ref);
  });

  it('refuse ids that were not issued: other seed, other kind, altered, malformed', () => {
    const id = maskedUuid(42, 1, ref);
    expect(decodeMaskedUuid(43, 1, id)).toBeUndefined();
    expect(decodeMaskedUuid(42, 2, id)).toBeUndefined();
    const altered = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    expect(decodeMaskedUuid(42, 1, altered)).toBeUndefined();
    expect(decodeMaskedUuid(42, 1, 'not-a-uuid')).toBeUndefined();
    expect(decodeBrazeId('xyz')).toBeUndefined();
  });

  it('masks neighbours so consecutive users do not share visible digits', () => {
    const a = maskedUuid(42, 1, { segmentKey: 1, index: 1 });
    const b = maskedUuid(42, 1, { segmentKey: 1, index: 2 });
    expect(a.slice(19)).not.toBe(b.slice(19));
  });

  it('gives six-digit codes that lead back to every index carrying them', () => {
    const code = userCode(ref);
    expect(code).toBeGreaterThanOrEqual(0);
    expect(code).toBeLessThan(1_000_000);
    expect(indexesForCode(ref.segmentKey, code, 3_000_000)).toContain(ref.index);
    expect(indexesForCode(ref.segmentKey, code, ref.index)).not.toContain(ref.index);
    const codes = new Set(
      Array.from({ length: 1000 }, (_, index) => userCode({ segmentKey: 7, index })),
    );
    expect(codes.size).toBe(1000);
    expect(indexesForCode(7, 1_000_000, 10)).toEqual([]);
  });
});
