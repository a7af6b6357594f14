import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isHashedKey,
  MATCH_KEY_LABELS,
  MATCH_KEYS,
  type MatchKey,
  type MatchKeyOptions,
  matchKeyValue,
  normalizeMatchKey,
  SINGLE_KEY_SCHEMAS,
  UNHASHED_KEYS,
} from '../../../shared/match-keys.ts';

const now = () => new Date('2026-06-15T12:00:00Z');

interface Example {
  key: MatchKey;
  input: string;
  options?: MatchKeyOptions;
  normalized: string;
  sha256: string;
}

/** Reference §5.2, "Official": Meta's own examples. */
const META_EXAMPLES: Example[] = [
  {
    key: 'EMAIL',
    input: 'mary@example.com',
    normalized: 'mary@example.com',
    sha256: 'f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79',
  },
  {
    key: 'PHONE',
    input: '+1 (555) 987-6543',
    normalized: '15559876543',
    sha256: '1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e',
  },
  {
    key: 'PHONE',
    input: '555-987-6543',
    options: { defaultCountry: 'US' },
    normalized: '15559876543',
    sha256: '1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e',
  },
  {
    key: 'EMAIL',
    input: 'John_Smith@gmail.com',
    normalized: 'john_smith@gmail.com',
    sha256: '62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f',
  },
  {
    key: 'PHONE',
    input: '(650)555-1212',
    options: { defaultCountry: 'US' },
    normalized: '16505551212',
    sha256: 'e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176',
  },
  {
    key: 'FN',
    input: 'Mary',
    normalized: 'mary',
    sha256: '6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec',
  },
  {
    key: 'FN',
    input: 'Valéry',
    normalized: 'valéry',
    sha256: '08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c',
  },
  {
    key: 'FN',
    input: '정',
    normalized: '정',
    sha256: '8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14',
  },
  {
    key: 'COUNTRY',
    input: 'United States',
    normalized: 'us',
    sha256: '79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621',
  },
  {
    key: 'ZIP',
    input: 'M1 1AE',
    options: { defaultCountry: 'GB' },
    normalized: 'm11ae',
    sha256: '1dc694c2070e697769fb959b50671d76cafd430d8ca191fbdd0affcaea344ac5',
  },
];

/** Reference §5.2, "Computed here": the rules applied to the remaining keys. */
const COMPUTED_EXAMPLES: Example[] = [
  {
    key: 'PHONE',
    input: '+44 07700 900123',
    normalized: '447700900123',
    sha256: '033134b911b137918338415ee3d20a064b24773d36a3b02e8b99fdd3fcd6b4cd',
  },
  {
    key: 'LN',
    input: ' Smith ',
    normalized: 'smith',
    sha256: '6627835f988e2c5e50533d491163072d3f4f41f5c8b04630150debb3722ca2dd',
  },
  {
    key: 'FI',
    input: 'Mary',
    normalized: 'm',
    sha256: '62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a',
  },
  {
    key: 'GEN',
    input: 'Female',
    normalized: 'f',
    sha256: '252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111',
  },
  {
    key: 'GEN',
    input: 'M',
    normalized: 'm',
    sha256: '62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a',
  },
  {
    key: 'DOBY',
    input: '1997',
    normalized: '1997',
    sha256: '0985b889a1fe4f4e1fb925061ac6fb2247f10875f5fcbe63eec2ab55ed68970e',
  },
  {
    key: 'DOBM',
    input: '2',
    normalized: '02',
    sha256: 'a953f09a1b6b6725b81956e9ad0b1eb49e3ad40004c04307ef8af6246a054116',
  },
  {
    key: 'DOBD',
    input: '16',
    normalized: '16',
    sha256: 'b17ef6d19c7a5b1ee83b907c595526dcb1eb06db8227d650d5dda0a9f4ce8cd9',
  },
  {
    key: 'CT',
    input: 'New York',
    normalized: 'newyork',
    sha256: '350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5',
  },
  {
    key: 'ST',
    input: 'California',
    normalized: 'ca',
    sha256: '6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126',
  },
  {
    key: 'ST',
    input: 'CA',
    normalized: 'ca',
    sha256: '6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126',
  },
  {
    key: 'ZIP',
    input: '94025-1234',
    normalized: '94025',
    sha256: 'b9a9cf3cd3723a2e91b7c23ecf68456e872b6e5d86e5cab7f3d45a7302da32c7',
  },
];

describe("Meta's worked examples (reference §5.2)", () => {
  it.each([...META_EXAMPLES, ...COMPUTED_EXAMPLES])(
    '$key $input → $normalized',
    ({ key, input, options, normalized, sha256 }) => {
      expect(normalizeMatchKey(key, input, { ...options, now })).toBe(normalized);
      expect(matchKeyValue(key, input, { ...options, now })).toBe(sha256);
    },
  );

  it('sends MADID normalized and unhashed', () => {
    const id = 'aece52e7-03ee-455a-b3c4-e57283966239';
    expect(normalizeMatchKey('MADID', 'AECE52E7-03EE-455A-B3C4-E57283966239')).toBe(id);
    expect(matchKeyValue('MADID', 'AECE52E7-03EE-455A-B3C4-E57283966239')).toBe(id);
  });
});

describe('matchKeyValue', () => {
  it('hashes the UTF-8 bytes of the normalized form, lowercase hex', () => {
    const expected = createHash('sha256').update('josé@exämple.com', 'utf8').digest('hex');
    expect(matchKeyValue('EMAIL', ' JOSÉ@EXÄMPLE.COM ')).toBe(expected);
  });

  it('never hashes an unusable value, not even the empty string', () => {
    for (const key of MATCH_KEYS) {
      expect(matchKeyValue(key, '')).toBeNull();
      expect(matchKeyValue(key, '   ')).toBeNull();
    }
    expect(matchKeyValue('EMAIL', 'not an email')).toBeNull();
    expect(matchKeyValue('GEN', 'unknown')).toBeNull();
  });

  it('passes an existing SHA-256 digest through for hashed keys, lowercased, never hashed twice', () => {
    const digest = 'F1904CF1A9D73A55FA5DE0AC823C4403DED71AFD4C3248D00BDCD0866552BB79';
    expect(matchKeyValue('EMAIL', digest)).toBe(digest.toLowerCase());
    expect(matchKeyValue('PHONE', ` ${digest}\n`)).toBe(digest.toLowerCase());
    expect(matchKeyValue('CT', digest)).toBe(digest.toLowerCase());
    expect(normalizeMatchKey('FN', digest)).toBe(digest.toLowerCase());
  });

  it('treats a digest-shaped external ID as an ID, unchanged', () => {
    const digest = 'F1904CF1A9D73A55FA5DE0AC823C4403DED71AFD4C3248D00BDCD0866552BB79';
    expect(matchKeyValue('EXTERN_ID', digest)).toBe(digest);
    expect(matchKeyValue('MADID', digest)).toBeNull();
  });

  it('does not mistake near-digests for digests', () => {
    const short = 'f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb7';
    const notHex = 'g1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79';
    expect(matchKeyValue('EMAIL', short)).toBeNull();
    expect(matchKeyValue('FN', notHex)).toBe(
      createHash('sha256')
        .update(normalizeMatchKey('FN', notHex) ?? '')
        .digest('hex'),
    );
  });

  it('returns null instead of throwing when a caller breaks the types', () => {
    const untyped = normalizeMatchKey as (key: unknown, raw: unknown) => string | null;
    expect(untyped('EMAIL', 42)).toBeNull();
    expect(untyped('EMAIL', null)).toBeNull();
    expect(untyped('NOT_A_KEY', 'mary@example.com')).toBeNull();
    const untypedValue = matchKeyValue as (key: unknown, raw: unknown) => string | null;
    expect(
      untypedValue(
        'EMAIL',
        Array.from({ length: 64 }, () => 'a'),
      ),
    ).toBeNull();
    expect(untypedValue('MADID', undefined)).toBeNull();
  });
});

describe('what the export engine builds on', () => {
  it('lists every key once, all of them Meta multi-key schema names', () => {
    expect(new Set(MATCH_KEYS).size).toBe(15);
    expect(Object.keys(MATCH_KEY_LABELS).sort()).toEqual([...MATCH_KEYS].sort());
  });

  it('hashes every key except MADID and EXTERN_ID', () => {
    expect([...UNHASHED_KEYS].sort()).toEqual(['EXTERN_ID', 'MADID']);
    expect(MATCH_KEYS.filter(isHashedKey)).toHaveLength(13);
  });

  it("names Meta's single-key schemas", () => {
    expect(SINGLE_KEY_SCHEMAS).toEqual({
      EMAIL: 'EMAIL_SHA256',
      PHONE: 'PHONE_SHA256',
      MADID: 'MOBILE_ADVERTISER_ID',
      EXTERN_ID: 'EXTERN_ID',
    });
  });

  it("labels Braze's three fields the way Braze does", () => {
    expect([MATCH_KEY_LABELS.EMAIL, MATCH_KEY_LABELS.PHONE, MATCH_KEY_LABELS.MADID]).toEqual([
      'Email',
      'Phone number',
      'Device IDFA / advertiser ID',
    ]);
  });
});
