import { USPS_COUNTRIES } from './us-states.ts';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const US_ZIP = /^(\d{5})(?:\d{4})?$/;
const US_ZIP_PLUS_FOUR = /^(\d{5})-\d{4}$/;
const DIGIT = /\d/;
/** The longest postal codes (Iran's) have ten characters without separators. */
const MAX_LENGTH = 10;

/**
 * ZIP: lowercase, letters and digits only (Meta: no white space; its Conversions API adds
 * "no dash"), compatibility-normalized so full-width digits become ASCII. So a UK postcode
 * keeps all of it: `M1 1AE` → `m11ae`, Meta's own example.
 *
 * The country comes from `defaultCountry`, the user's own country when the caller has it.
 * In the US and the places using US ZIP codes, the value must be a five- or nine-digit ZIP
 * and only the first five digits are kept (`94025-1234` → `94025`); a ZIP with three or four
 * digits lost its leading zeros to a spreadsheet and gets them back (`2134` → `02134`);
 * anything else is unusable. With no country known, only the unmistakable `12345-6789`
 * shape is cut to five digits.
 *
 * Every country's postal codes hold a digit and fit in ten characters, so a value without
 * one (`N/A`, `none`) or longer than that is unusable anywhere.
 */
export function normalizeZip(raw: string, country: string | null): string | null {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  const code = text.replace(NOT_LETTER_OR_DIGIT, '');
  if (code.length > MAX_LENGTH || !DIGIT.test(code)) return null;
  if (country !== null && USPS_COUNTRIES.has(country)) {
    if (/^\d{3,4}$/.test(code)) return code.padStart(5, '0');
    return US_ZIP.exec(code)?.[1] ?? null;
  }
  if (country === null) {
    const plusFour = US_ZIP_PLUS_FOUR.exec(text);
    if (plusFour !== null) return plusFour[1] ?? null;
  }
  return code;
}
