import { COUNTRY_ALIASES, ISO_ALPHA2_TO_ALPHA3 } from './country-codes.ts';
import { OTHER_LANGUAGES } from './languages.ts';
import { foldForLookup, withoutAccents } from './text-folding.ts';
import { UnambiguousMap } from './unambiguous-map.ts';

/** Words that carry no meaning in a country name ("the Gambia", "Bosnia and Herzegovina"). */
const FILLER_WORDS = new Set(['the', 'and', 'of']);

/** Comparison key: `St. Kitts & Nevis` and `Saint Kitts and Nevis` → `saintkittsnevis`. */
function nameKey(name: string): string {
  return withoutAccents(name)
    .split(/\P{L}+/u)
    .filter((word) => word !== '' && !FILLER_WORDS.has(word))
    .map((word) => (word === 'st' ? 'saint' : word))
    .join('');
}

/**
 * Built on first use (about 0.1 s: every country name in every language). English names
 * win any clash with another language's; a name two other languages give to different
 * countries is dropped rather than guessed.
 */
interface CountryIndex {
  /** Alpha-2 and alpha-3 codes, lowercase. */
  codes: Map<string, string>;
  /** Aliases and English names. */
  primary: Map<string, string>;
  /** Names in other languages that no English entry claims and no two languages dispute. */
  secondary: UnambiguousMap<string>;
}

let index: CountryIndex | undefined;

function buildIndex(): CountryIndex {
  const codes = new Map<string, string>();
  const pairs = ISO_ALPHA2_TO_ALPHA3.trim().toLowerCase().split(/\s+/);
  const alpha2: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const [two = '', three = ''] = [pairs[i], pairs[i + 1]];
    alpha2.push(two);
    codes.set(two, two);
    codes.set(three, two);
  }
  const primary = new Map<string, string>();
  const addPrimary = (name: string, code: string) => {
    const key = nameKey(name);
    if (key !== '' && !primary.has(key)) primary.set(key, code);
  };
  for (const [code, names] of Object.entries(COUNTRY_ALIASES))
    for (const name of names) addPrimary(name, code);
  for (const name of regionNames('en', alpha2)) addPrimary(name.name, name.code);

  const secondary = new UnambiguousMap<string>();
  for (const language of OTHER_LANGUAGES) {
    for (const { name, code } of regionNames(language, alpha2)) {
      const key = nameKey(name);
      if (key !== '' && !isLatinAbbreviation(name, key) && !primary.has(key))
        secondary.add(key, code);
    }
  }
  return { codes, primary, secondary };
}

/**
 * Other languages' abbreviations in Latin letters (`É.-U.`, `VS`, `EUA`, `ABD` for the US)
 * read like codes: French `É.-U.` would turn `EU` into the United States. Short names that
 * are words (`Irã`, `Çin`) stay.
 */
function isLatinAbbreviation(name: string, key: string): boolean {
  return /^[a-z]{1,3}$/.test(key) && (name.includes('.') || name === name.toUpperCase());
}

/** Long and short names of every country in one language; none when `Intl` lacks them. */
function regionNames(language: string, alpha2: readonly string[]) {
  const names: { name: string; code: string }[] = [];
  for (const style of ['long', 'short'] as const) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' });
    } catch {
      return names;
    }
    for (const code of alpha2) {
      const name = display.of(code.toUpperCase());
      if (name !== undefined) names.push({ name, code });
    }
  }
  return names;
}

/**
 * ISO 3166-1 alpha-2, lowercase, for an alpha-2 or alpha-3 code or a country name in English
 * or one of the languages above (`United States`, `USA`, `Deutschland`, `日本`); null when
 * it is not a country. Only officially assigned codes count (plus `UK`, which people
 * write for `GB`): Meta asks for ISO codes, so `XK` or `EU` are unusable.
 */
export function resolveCountry(raw: string): string | null {
  index ??= buildIndex();
  const letters = foldForLookup(raw);
  if (letters.length <= 3) {
    const code = index.codes.get(letters);
    if (code !== undefined) return code;
  }
  const key = nameKey(raw);
  return index.primary.get(key) ?? index.secondary.get(key) ?? null;
}

const remembered = new Map<string, string | null>();
const REMEMBER_AT_MOST = 1000;

/**
 * `resolveCountry` for the `defaultCountry` option, which repeats on every row of an export:
 * remembered, within a bound so that a column of junk cannot grow memory.
 */
export function resolveDefaultCountry(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let code = remembered.get(raw);
  if (code === undefined) {
    code = resolveCountry(raw);
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    remembered.set(raw, code);
  }
  return code;
}
