import fc from 'fast-check';
import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalizeMatchKey } from '../../../shared/match-keys.ts';

const phone = (raw: string, defaultCountry?: string) =>
  normalizeMatchKey('PHONE', raw, { defaultCountry });

describe('PHONE', () => {
  it.each<[string, string | undefined, string, string]>([
    ['+44 07700 900123', undefined, '447700900123', 'a trunk 0 after the country code is dropped'],
    ['07700 900123', 'GB', '447700900123', 'a national number takes the country code'],
    ['07700 900123', 'GBR', '447700900123', 'the country may be given as alpha-3'],
    ['07700 900123', 'United Kingdom', '447700900123', 'or by name'],
    ['(0) 7700 900123', 'GB', '447700900123', 'a bracketed trunk prefix'],
    ['7700 900123', 'GB', '447700900123', 'a national number already without its trunk 0'],
    ['447700900123', 'GB', '447700900123', "Meta's normalized form stays as it is"],
    ['00 44 7700 900123', undefined, '447700900123', 'the 00 international prefix'],
    ['00 44 7700 900123', 'US', '447700900123', '00 even where the country dials abroad otherwise'],
    ['011 44 7700 900123', 'US', '447700900123', "the US's own international prefix"],
    ['0021 44 7700 900123', 'BR', '447700900123', "Brazil's prefix with a carrier code"],
    ['(650)555-1212', 'US', '16505551212', 'US national'],
    ['1 (650) 555-1212', 'US', '16505551212', 'US national with the leading 1'],
    ['+33 (0)6 12 34 56 78', undefined, '33612345678', 'French style with (0)'],
    ['06 12 34 56 78', 'FR', '33612345678', 'French national'],
    ['612345678', 'France', '33612345678', 'French national without its trunk 0'],
    ['8 (916) 123-45-67', 'RU', '79161234567', "Russia's trunk prefix is 8"],
    ['+39 06 1234 5678', undefined, '390612345678', "Italy's leading 0 belongs to the number"],
    ['06 1234 5678', 'IT', '390612345678', 'Italian national keeps its 0'],
    ['09876543210', 'IN', '919876543210', 'Indian national with trunk 0'],
    ['0170 1234567', 'Deutschland', '491701234567', 'a German mobile, country named in German'],
    ['+1 650 555 1212 ext. 12', undefined, '16505551212', 'the extension is not part of it'],
    ['+1 (555) 987-6543 x123', undefined, '15559876543', 'an x extension'],
    ['tel:+1-650-555-1212', undefined, '16505551212', 'a tel: URI'],
    ['mobile: 07700 900123', 'GB', '447700900123', 'a label before the number'],
    ['+44 7700 900123 (mobile)', undefined, '447700900123', 'a label after the number'],
    ['＋１ ６５０ ５５５ １２１２', undefined, '16505551212', 'full-width digits'],
    ['٠٧٧٠٠ ٩٠٠١٢٣', 'GB', '447700900123', 'Arabic-Indic digits'],
    ['15559876543', undefined, '15559876543', 'no country: digits carry their country code'],
  ])('%j (%s) → %j: %s', (raw, country, normalized) => {
    expect(phone(raw, country)).toBe(normalized);
  });

  it('reads digits without + as the national number when that is the valid reading', () => {
    // +49 1555 9876543 is a German mobile; +1 555 is no US area code.
    expect(phone('15559876543', 'DE')).toBe('4915559876543');
  });

  it('reads digits without + as carrying a country code when only that reading is valid', () => {
    // 650 is a US area code; +49 16505551212 is in no German range.
    expect(phone('16505551212', 'DE')).toBe('16505551212');
  });

  it('ignores a default country it cannot resolve, as if none was given', () => {
    expect(phone('15559876543', 'Atlantis')).toBe(phone('15559876543'));
    expect(phone('15559876543', 'AQ')).toBe(phone('15559876543'));
  });

  it.each<[string, string | undefined, string]>([
    ['', undefined, 'empty'],
    ['abc', undefined, 'no digit'],
    ['123', 'US', 'too short to be a number'],
    ['+1 650 555 12', undefined, 'too short for its country'],
    ['+999 1234567', undefined, 'an unassigned country code'],
    ['+44', undefined, 'only a country code'],
    ['00', undefined, 'only a prefix'],
    ['000 123 4567', 'US', 'a country code cannot start with 0'],
    ['1-800-FLOWERS', 'US', 'letters instead of digits'],
    ['1'.repeat(300), undefined, 'absurdly long'],
    ['+1 650 555 1212 / +44 7700 900123', undefined, 'two numbers in one field'],
    ['4400641475947', 'GB', 'a trunk prefix inside an international number'],
  ])('%j (%s) is unusable: %s', (raw, country) => {
    expect(phone(raw, country)).toBeNull();
  });

  const written = fc.oneof(
    fc.stringMatching(/^\+?[1-9][0-9 ()-]{6,16}$/),
    fc.stringMatching(/^0{1,2}[0-9 -]{6,14}$/),
    fc.stringMatching(/^[0-9]{6,15}$/),
  );

  it('is idempotent with no country known', () => {
    fc.assert(
      fc.property(written, (raw) => {
        const once = phone(raw);
        if (once !== null) expect(phone(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent for the country's own numbers, however they were written", () => {
    const countries = fc.constantFrom<CountryCode>(
      'US',
      'GB',
      'DE',
      'FR',
      'IT',
      'BR',
      'IN',
      'RU',
      'JP',
    );
    fc.assert(
      fc.property(written, countries, (raw, country) => {
        const once = phone(raw, country);
        if (once === null || !once.startsWith(getCountryCallingCode(country))) return;
        expect(phone(once, country)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
