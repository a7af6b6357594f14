import { describe, expect, it } from 'vitest';
import { type MatchKey, normalizeMatchKey } from '../../../shared/match-keys.ts';

const now = () => new Date('2026-06-15T12:00:00Z');
const normalize = (key: MatchKey) => (raw: string) => normalizeMatchKey(key, raw, { now });

describe('FN and LN', () => {
  const name = normalize('FN');

  it.each([
    ['Mary-Ann', 'maryann', 'hyphen removed'],
    ['Mary Ann', 'maryann', 'inner space removed'],
    ["O'Brien", 'obrien', 'apostrophe removed'],
    ['van der Berg', 'vanderberg', 'particles joined'],
    ['JOSÉ', 'josé', 'accent kept, lowercased'],
    ['Jose\u0301', 'josé', 'a decomposed accent composes to the same bytes'],
    ['Müller', 'müller', 'umlaut kept'],
    ['İlker', 'ilker', 'Turkish capital İ lowercases to a plain i'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευς', 'Greek'],
    ['Владимир', 'владимир', 'Cyrillic'],
    ['김민준', '김민준', 'Hangul'],
    ['محمد', 'محمد', 'Arabic'],
    ['अनिल', 'अनिल', 'Devanagari keeps its vowel signs'],
    ['Ｍａｒｙ', 'mary', 'full-width letters'],
    ['ﬁona', 'fiona', 'a ligature'],
    ['R2-D2', 'rd', 'digits removed'],
  ])('%j → %j (%s)', (raw, normalized) => {
    expect(name(raw)).toBe(normalized);
    expect(normalizeMatchKey('LN', raw)).toBe(normalized);
  });

  it.each([
    ['', 'empty'],
    ['123', 'digits only'],
    ['-', 'punctuation only'],
    ['\u0301', 'an accent without a letter'],
  ])('%j is unusable: %s', (raw) => {
    expect(name(raw)).toBeNull();
  });
});

describe('FI', () => {
  const initial = normalize('FI');

  it.each([
    ['Mary', 'm'],
    ['  m.', 'm'],
    ['"Mary"', 'm'],
    ['Élodie', 'é'],
    ['정', '정'],
    ['अनिल', 'अ'],
    ['कि', 'कि'],
  ])('%j → %j (first letter of the normalized first name, with its marks)', (raw, normalized) => {
    expect(initial(raw)).toBe(normalized);
  });

  it('is unusable without a letter', () => {
    expect(initial('123')).toBeNull();
    expect(initial('')).toBeNull();
  });
});

describe('GEN', () => {
  const gender = normalize('GEN');

  it.each([
    [
      'm',
      [
        'M',
        'm',
        'm.',
        'Male',
        'MAN',
        'Masculino',
        'Masculin',
        'Männlich',
        'mannlich',
        '男',
        '남성',
        'мужской',
      ],
    ],
    [
      'f',
      [
        'F',
        'f.',
        'Female',
        'WOMAN',
        'Féminin',
        'Femenino',
        'weiblich',
        'W',
        '女性',
        '여성',
        'женский',
      ],
    ],
  ])('%s from %j', (normalized, inputs) => {
    for (const input of inputs) expect(gender(input), input).toBe(normalized);
  });

  it.each([
    ['O', "Braze's other"],
    ['N', "Braze's not applicable"],
    ['P', "Braze's prefer not to say"],
    ['nil', 'unknown'],
    ['unknown', 'unknown'],
    ['other', 'other'],
    ['prefer_not_to_say', 'prefer not to say'],
    ['Mr', 'a title is not gender data'],
    ['H', 'homme in French, Herr in German: ambiguous'],
    ['mf', 'both'],
    ['', 'empty'],
  ])('%j is unusable: %s', (raw) => {
    expect(gender(raw)).toBeNull();
  });
});

describe('DOBY, DOBM, DOBD', () => {
  const year = normalize('DOBY');
  const month = normalize('DOBM');
  const day = normalize('DOBD');

  it.each([
    ['1997', '1997'],
    [' 1997 ', '1997'],
    ['1900', '1900'],
    ['2026', '2026'],
    ['1997-02-16', '1997'],
    ['1997-02-16T00:00:00Z', '1997'],
    ['1997/2/16', '1997'],
  ])('DOBY %j → %j', (raw, normalized) => {
    expect(year(raw)).toBe(normalized);
  });

  it.each([
    ['1899', 'before 1900'],
    ['2027', 'after the current year (clock: 2026)'],
    ['97', 'two digits: which century?'],
    ['02/16/1997', 'day or month first: ambiguous'],
    ['1997-02-30', 'no such date'],
    ['19970', 'five digits'],
    ['1997.0', 'a number, not a year'],
  ])('DOBY %j is unusable: %s', (raw) => {
    expect(year(raw)).toBeNull();
  });

  it('reads the current year from the injected clock', () => {
    const in2030 = () => new Date('2030-01-01T00:00:00Z');
    expect(normalizeMatchKey('DOBY', '2029', { now: in2030 })).toBe('2029');
    expect(normalizeMatchKey('DOBY', '2029', { now })).toBeNull();
  });

  it.each([
    ['2', '02'],
    ['02', '02'],
    ['12', '12'],
    ['Feb', '02'],
    ['February', '02'],
    ['feb.', '02'],
    ['Sept', '09'],
    ['Février', '02'],
    ['Februar', '02'],
    ['März', '03'],
    ['marzo', '03'],
    ['марта', '03'],
    ['Mai', '05'],
    ['1997-02-16', '02'],
  ])('DOBM %j → %j', (raw, normalized) => {
    expect(month(raw)).toBe(normalized);
  });

  it.each([
    ['13', 'out of range'],
    ['0', 'out of range'],
    ['00', 'out of range'],
    ['002', 'three digits'],
    ['Febuary', 'a misspelling'],
    ['1997-02-30', 'no such date'],
    ['', 'empty'],
  ])('DOBM %j is unusable: %s', (raw) => {
    expect(month(raw)).toBeNull();
  });

  it.each([
    ['16', '16'],
    ['1', '01'],
    ['01', '01'],
    ['31', '31'],
    ['16th', '16'],
    ['1st', '01'],
    ['16.', '16'],
    ['1997-02-16', '16'],
  ])('DOBD %j → %j', (raw, normalized) => {
    expect(day(raw)).toBe(normalized);
  });

  it.each([
    ['32', 'out of range'],
    ['0', 'out of range'],
    ['016', 'three digits'],
    ['sixteen', 'a word'],
    ['1997-02-30', 'no such date'],
    ['', 'empty'],
  ])('DOBD %j is unusable: %s', (raw) => {
    expect(day(raw)).toBeNull();
  });
});
