const NOT_LETTER_OR_MARK = /[^\p{L}\p{M}]+/gu;
const HAS_LETTER = /\p{L}/u;
/** `İ` lowercases to `i` + combining dot above; the dot is noise on an already dotted `i`. */
const DOTTED_I = /i\u0307/g;

/**
 * FN / LN: Meta keeps letters of every script in UTF-8 (`Valéry` → `valéry`, `정` → `정`),
 * lowercase, without punctuation, digits or white space (`Mary-Ann` and `Mary Ann` →
 * `maryann`, `O'Brien` → `obrien`). Combining marks stay, since scripts such as Devanagari
 * or Thai spell with them. The result is NFKC: `é` is one code point however it came in,
 * and full-width letters or ligatures (`Ｍａｒｙ`, `ﬁona`) become the ordinary ones.
 */
export function normalizeName(raw: string): string | null {
  const name = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(DOTTED_I, 'i')
    .replace(NOT_LETTER_OR_MARK, '')
    .normalize('NFKC');
  return HAS_LETTER.test(name) ? name : null;
}

const FIRST_LETTER = /\p{L}\p{M}*/u;

/** FI: the first letter (with its combining marks) of the normalized first name. */
export function firstInitial(raw: string): string | null {
  const name = normalizeName(raw);
  return name === null ? null : (FIRST_LETTER.exec(name)?.[0] ?? null);
}
