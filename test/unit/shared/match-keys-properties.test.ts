import fc from 'fast-check';
import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  isHashedKey,
  MATCH_KEYS,
  type MatchKey,
  type MatchKeyOptions,
  matchKeyValue,
  normalizeMatchKey,
} from '../../../shared/match-keys.ts';

const now = () => new Date('2026-06-15T12:00:00Z');

/** Any text at all: ASCII, every Unicode plane, lone surrogates, control characters. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

/** Text shaped like real values of each key, so the properties reach the interesting paths. */
const plausibleText = fc.oneof(
  fc.emailAddress(),
  fc.mixedCase(fc.emailAddress()).map((email) => ` ${email}\t`),
  fc.stringMatching(/^\+?(00)?[1-9][0-9 ()./-]{6,16}$/),
  fc.stringMatching(/^0{1,3}[0-9 -]{6,14}$/),
  fc.stringMatching(/^\d{5}(-\d{4})?$/),
  fc.stringMatching(/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/),
  fc.stringMatching(/^\d{4}-\d{1,2}-\d{1,2}$/),
  fc.stringMatching(/^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$/),
  fc.constantFrom(
    'Valéry',
    'Jean-Luc',
    'İlker',
    '정',
    'Москва',
    'São Paulo',
    'ΟΔΥΣΣΕΥΣ',
    'अनिल',
    'Ǆemal',
    'Février',
    'Male',
    'weiblich',
    'New York',
    'N.Y.',
    'Deutschland',
    'U.S.A.',
    'St. Kitts & Nevis',
  ),
  anyText,
);

const options = fc.record(
  { defaultCountry: fc.constantFrom('US', 'gb', 'DEU', 'France', 'jp', 'BR', 'nowhere') },
  { requiredKeys: [] },
);

const key = fc.constantFrom(...MATCH_KEYS);

/**
 * Digits without `+` are read as a national number when the country is known, so a foreign
 * number's normalized digits can name another number there (`15559876543` is also German):
 * the phone tests pin that down; idempotence holds for the country's own numbers.
 */
function isForeignNumber(digits: string, { defaultCountry }: MatchKeyOptions): boolean {
  if (defaultCountry === undefined) return false;
  const country = normalizeMatchKey('COUNTRY', defaultCountry);
  if (country === null) return false;
  try {
    return !digits.startsWith(getCountryCallingCode(country.toUpperCase() as CountryCode));
  } catch {
    return false; // a country without telephone metadata: no national reading either
  }
}

describe('every match key', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(key, fc.oneof(anyText, plausibleText), options, (matchKey, raw, extra) => {
        normalizeMatchKey(matchKey, raw, { ...extra, now });
        matchKeyValue(matchKey, raw, { ...extra, now });
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: a normalized value normalizes to itself', () => {
    fc.assert(
      fc.property(key, plausibleText, options, (matchKey, raw, extra) => {
        const settings: MatchKeyOptions = { ...extra, now };
        const once = normalizeMatchKey(matchKey, raw, settings);
        if (once === null || (matchKey === 'PHONE' && isForeignNumber(once, extra))) return;
        expect(normalizeMatchKey(matchKey, once, settings)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('sends 64 lowercase hex digits for every hashed key, and plain text for the others', () => {
    fc.assert(
      fc.property(key, plausibleText, options, (matchKey, raw, extra) => {
        const value = matchKeyValue(matchKey, raw, { ...extra, now });
        const normalized = normalizeMatchKey(matchKey, raw, { ...extra, now });
        expect(value === null).toBe(normalized === null);
        if (value === null) return;
        if (isHashedKey(matchKey)) expect(value).toMatch(/^[0-9a-f]{64}$/);
        else expect(value).toBe(normalized);
      }),
      { numRuns: 3000 },
    );
  });

  it('passes an existing SHA-256 digest through, lowercased, for every hashed key', () => {
    const hashedKeys = MATCH_KEYS.filter(isHashedKey);
    fc.assert(
      fc.property(
        fc.constantFrom<MatchKey>(...hashedKeys),
        fc.stringMatching(/^[0-9a-fA-F]{64}$/),
        (matchKey, digest) => {
          expect(matchKeyValue(matchKey, digest)).toBe(digest.toLowerCase());
          expect(matchKeyValue(matchKey, ` ${digest} `)).toBe(digest.toLowerCase());
        },
      ),
    );
  });

  it('treats empty and white-space-only values as unusable', () => {
    fc.assert(
      fc.property(key, fc.stringMatching(/^[ \t\r\n\u00a0\u2003\ufeff]*$/), (matchKey, blank) => {
        expect(normalizeMatchKey(matchKey, blank)).toBeNull();
        expect(matchKeyValue(matchKey, blank)).toBeNull();
      }),
    );
  });
});
