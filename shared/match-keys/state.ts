import { foldForLookup, toRomanAlphabet } from './text-folding.ts';
import { US_STATES, USPS_COUNTRIES } from './us-states.ts';

let codesByName: Map<string, string> | undefined;

function usStateCode(raw: string): string | undefined {
  if (codesByName === undefined) {
    codesByName = new Map();
    for (const [code, names] of Object.entries(US_STATES)) {
      codesByName.set(code, code);
      for (const name of names) codesByName.set(foldForLookup(name), code);
    }
  }
  return codesByName.get(foldForLookup(raw));
}

/**
 * US (and its territories): the two-letter USPS/ANSI code, from a code, a name or a common
 * abbreviation; anything else is unusable. Elsewhere: Meta's rule for non-US states, the
 * name reduced to `a`–`z`. When the country is unknown, a US state name or code is taken as
 * one (the US is where Meta wants codes) and anything else gets the non-US rule.
 */
export function normalizeState(raw: string, country: string | null): string | null {
  const inUsps = country !== null && USPS_COUNTRIES.has(country);
  if (country === null || inUsps) {
    const code = usStateCode(raw);
    if (code !== undefined) return code;
    if (inUsps) return null;
  }
  return toRomanAlphabet(raw);
}
