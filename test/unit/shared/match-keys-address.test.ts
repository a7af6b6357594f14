import { describe, expect, it } from 'vitest';
import { type MatchKey, normalizeMatchKey } from '../../../shared/match-keys.ts';

type Normalized = [raw: string, country: string | undefined, normalized: string];
type Explained = [raw: string, country: string | undefined, normalized: string, why: string];
type Unusable = [raw: string, country: string | undefined, why: string];

const normalize = (key: MatchKey) => (raw: string, defaultCountry?: string) =>
  normalizeMatchKey(key, raw, { defaultCountry });

describe('CT', () => {
  const city = normalize('CT');

  it.each([
    ['New York', 'newyork'],
    ['São Paulo', 'saopaulo'],
    ['Köln', 'koln'],
    ['Reykjavík', 'reykjavik'],
    ['Hà Nội', 'hanoi'],
    ['Łódź', 'lodz'],
    ['Großräschen', 'grossraschen'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Þórshöfn', 'thorshofn'],
    ['İstanbul', 'istanbul'],
    ['St. Louis', 'stlouis'],
    ['Winston-Salem', 'winstonsalem'],
    ["Coeur d'Alene", 'coeurdalene'],
    ['ＴＯＫＹＯ', 'tokyo'],
    ['Paris 75001', 'paris'],
  ])('%j → %j (a–z only)', (raw, normalized) => {
    expect(city(raw)).toBe(normalized);
  });

  it.each([
    ['Москва', 'Cyrillic: a transliteration (moskva) is not the name Meta holds (moscow)'],
    ['東京', 'Han: a transliteration would read it as Chinese (dongjing)'],
    ['Tokyo 東京', 'part Roman, part not: sending the fragment would be a guess'],
    ['12345', 'no letters'],
    ['---', 'punctuation only'],
    ['', 'empty'],
  ])('%j is unusable: %s', (raw) => {
    expect(city(raw)).toBeNull();
  });
});

describe('ST', () => {
  const state = normalize('ST');

  it.each<Normalized>([
    ['California', undefined, 'ca'],
    ['CA', undefined, 'ca'],
    ['New York', undefined, 'ny'],
    ['new-york', undefined, 'ny'],
    ['N.Y.', undefined, 'ny'],
    ['Calif.', undefined, 'ca'],
    ['Washington', undefined, 'wa'],
    ['District of Columbia', undefined, 'dc'],
    ['Washington, D.C.', undefined, 'dc'],
    ['Puerto Rico', undefined, 'pr'],
    ['tx', 'United States', 'tx'],
    ['Guam', 'GU', 'gu'],
    ['PR', 'PR', 'pr'],
  ])('US: %j (country %s) → %j', (raw, country, normalized) => {
    expect(state(raw, country)).toBe(normalized);
  });

  it.each<Normalized>([
    ['Ontario', undefined, 'ontario'],
    ['Ontario', 'CA', 'ontario'],
    ['QC', 'CA', 'qc'],
    ['Québec', undefined, 'quebec'],
    ['Bayern', 'DE', 'bayern'],
    ['Île-de-France', 'FR', 'iledefrance'],
    ['California', 'DE', 'california'],
  ])('elsewhere: %j (country %s) → %j, the name in a–z', (raw, country, normalized) => {
    expect(state(raw, country)).toBe(normalized);
  });

  it.each<Unusable>([
    ['Ontario', 'US', 'not a US state, and the US wants codes'],
    ['ZZ', 'US', 'not a US code'],
    ['Москва', 'RU', 'not in the Roman alphabet'],
    ['', undefined, 'empty'],
  ])('%j (country %s) is unusable: %s', (raw, country) => {
    expect(state(raw, country)).toBeNull();
  });
});

describe('ZIP', () => {
  const zip = normalize('ZIP');

  it.each<Explained>([
    ['94025-1234', undefined, '94025', 'ZIP+4 is unmistakable even without a country'],
    ['94025-1234', 'US', '94025', 'US: five digits'],
    ['940251234', 'US', '94025', 'US: ZIP+4 without its dash'],
    ['94025 1234', 'USA', '94025', 'US: ZIP+4 with a space'],
    ['2134', 'US', '02134', 'US: leading zero lost to a spreadsheet'],
    ['501', 'US', '00501', 'US: two leading zeros lost'],
    ['00901', 'PR', '00901', 'Puerto Rico uses US ZIP codes'],
    ['M1 1AE', 'GB', 'm11ae', "Meta's UK example"],
    ['SW1A 1AA', undefined, 'sw1a1aa', 'UK postcode, country unknown'],
    ['K1A 0B1', 'CA', 'k1a0b1', 'Canada'],
    ['01310-100', 'BR', '01310100', 'Brazil: no dash'],
    ['100-0001', 'JP', '1000001', 'Japan: no dash'],
    ['１００－０００１', 'JP', '1000001', 'full-width digits'],
    ['00-950', 'PL', '00950', 'Poland keeps its leading zeros'],
    ['D02 X285', 'IE', 'd02x285', 'an Eircode'],
    ['94025-1234', 'DE', '940251234', 'the US rule applies to US addresses only'],
  ])('%j (country %s) → %j: %s', (raw, country, normalized) => {
    expect(zip(raw, country)).toBe(normalized);
  });

  it.each<Unusable>([
    ['94025-12', 'US', 'neither five nor nine digits'],
    ['ABCDE', 'US', 'letters in a US ZIP'],
    ['N/A', undefined, 'no digit: a placeholder'],
    ['none', 'GB', 'no digit: a word'],
    ['12345678901', undefined, 'longer than any postal code'],
    ['', undefined, 'empty'],
  ])('%j (country %s) is unusable: %s', (raw, country) => {
    expect(zip(raw, country)).toBeNull();
  });
});
