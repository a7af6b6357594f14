import type { LookalikeRequest } from '../../../shared/relay-api/exports.ts';
import { en } from '../../i18n/en.ts';

const text = en.lookalike.errors;
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes the browser names that are not countries Meta targets (UK is GB's alias). */
const NOT_COUNTRIES = /^(EU|EZ|UN|UK|ZZ|Q[M-Z]|X[A-JL-Z])$/;
/** Meta's most, and the relay's. */
const MAX_COUNTRIES = 25;

/** The country codes typed so far, upper-cased and without repeats: "us, ca" → US, CA. */
export function countryCodes(typed: string): string[] {
  const codes = typed
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

/** The country's English name, or null when the code names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return null;
  return regions.of(code) ?? null;
}

export type LookalikeInput =
  | { ok: true; request: LookalikeRequest }
  | { ok: false; errors: { countries?: string; ratio?: string } };

/** Checks the form's two fields as typed: country codes, and a whole percentage of 1 to 20. */
export function parseLookalikeInput(fields: { countries: string; ratio: string }): LookalikeInput {
  const codes = countryCodes(fields.countries);
  const unknown = codes.filter((code) => !countryName(code));
  const countries =
    codes.length === 0
      ? text.countriesMissing
      : unknown.length > 0
        ? text.countryUnknown(unknown.join(', '))
        : codes.length > MAX_COUNTRIES
          ? text.tooManyCountries
          : undefined;
  const percent = /^\s*\d{1,2}\s*$/.test(fields.ratio) ? Number(fields.ratio) : Number.NaN;
  const ratio = percent >= 1 && percent <= 20 ? undefined : text.ratioInvalid;
  if (countries || ratio) {
    return { ok: false, errors: { ...(countries && { countries }), ...(ratio && { ratio }) } };
  }
  return { ok: true, request: { countries: codes, ratio: percent / 100 } };
}
