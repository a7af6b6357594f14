/**
 * Two ways of flattening free text, shared by several keys.
 *
 * `foldForLookup` makes a comparison key for tables (countries, states, months, genders):
 * accents, case, spaces and punctuation stop mattering, while letters of every script stay.
 *
 * `toRomanAlphabet` produces what Meta wants for CT and non-US ST: `a`–`z` only.
 */

const MARKS = /\p{M}/gu;
const NOT_LETTER = /\P{L}/gu;

/** Latin letters that Unicode does not decompose into a base letter plus accent. */
const LATIN_LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ſ: 's',
  ƒ: 'f',
  ĸ: 'k',
};
const SPECIAL_LATIN = new RegExp(
  `[${Object.keys(LATIN_LETTERS_WITHOUT_DECOMPOSITION).join('')}]`,
  'g',
);

/** Lowercase, compatibility-decomposed (`ﬁ` → `fi`, `Ｔ` → `t`), accents and marks removed. */
export function withoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LATIN, (letter) => LATIN_LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '');
}

export function foldForLookup(text: string): string {
  return withoutAccents(text).replace(NOT_LETTER, '');
}

const NON_ROMAN_LETTER = /[^\P{L}a-z]/u;
const NOT_A_TO_Z = /[^a-z]+/g;

/**
 * `São Paulo` → `saopaulo`, `Łódź` → `lodz`, `Straße` → `strasse`; digits, spaces and
 * punctuation are dropped. Returns null when nothing is left, or when the text holds letters
 * of another script (`Москва`, `東京`): a phonetic transliteration (`moskva`, `dongjing`)
 * rarely equals the English name Meta holds (`moscow`, `tokyo`), and dropping those letters
 * would send a fragment, so the value is unusable rather than wrong.
 */
export function toRomanAlphabet(text: string): string | null {
  const folded = withoutAccents(text);
  if (NON_ROMAN_LETTER.test(folded)) return null;
  const roman = folded.replace(NOT_A_TO_Z, '');
  return roman === '' ? null : roman;
}
