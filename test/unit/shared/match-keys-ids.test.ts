import { describe, expect, it } from 'vitest';
import { matchKeyValue, normalizeMatchKey } from '../../../shared/match-keys.ts';

describe('MADID', () => {
  const id = 'aece52e7-03ee-455a-b3c4-e57283966239';

  it.each([
    'AECE52E7-03EE-455A-B3C4-E57283966239',
    ' aece52e7-03ee-455a-b3c4-e57283966239 ',
    'aece52e703ee455ab3c4e57283966239',
  ])('%j → the lowercase hyphenated UUID, unhashed', (raw) => {
    expect(normalizeMatchKey('MADID', raw)).toBe(id);
    expect(matchKeyValue('MADID', raw)).toBe(id);
  });

  it.each([
    ['00000000-0000-0000-0000-000000000000', 'the zeroed ID means ad tracking is limited'],
    ['00000000000000000000000000000000', 'the zeroed ID without hyphens'],
    ['AECE52E7-03EE-455A-B3C4-E5728396623', 'one digit short'],
    ['{AECE52E7-03EE-455A-B3C4-E57283966239}', 'braces'],
    ['not-an-id', 'not a UUID'],
    ['', 'empty'],
  ])('%j is unusable: %s', (raw) => {
    expect(normalizeMatchKey('MADID', raw)).toBeNull();
  });
});

describe('EXTERN_ID', () => {
  it('is sent as written, only trimmed, never hashed', () => {
    expect(matchKeyValue('EXTERN_ID', ' user-42 ')).toBe('user-42');
    expect(matchKeyValue('EXTERN_ID', 'User 42')).toBe('User 42');
    expect(matchKeyValue('EXTERN_ID', 'ABC')).toBe('ABC');
  });

  it('is unusable when blank', () => {
    expect(matchKeyValue('EXTERN_ID', '   ')).toBeNull();
  });
});
