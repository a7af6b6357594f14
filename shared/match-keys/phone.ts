import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type PhoneNumber,
  parseDigits,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/**
 * PHONE: E.164 digits without `+` (`+44 07700 900123` → `447700900123`), parsed by
 * libphonenumber-js with its full ("max") metadata. The metadata choice matters when a
 * number is written without `+`: `16505551212` from a German user could be a German number
 * or a US one, and only the full metadata knows which number ranges are actually assigned
 * (the smaller "min" build judges by length and calls both German). The extra 70 kB buy
 * that, and nothing else here would need them.
 *
 * How a number is read:
 * - written with `+`: as that number;
 * - with no country known: as digits that already start with a country code, as Meta's
 *   normalized form does (`15559876543`), or after an international `00` prefix;
 * - with the country (the user's own, or the workspace's), `00` first: as that country's
 *   own way to dial abroad (`0021 44 …` in Brazil) or as `00` + country code;
 * - digits starting with the country's own calling code: as carrying it, so that a
 *   normalized number normalizes to itself;
 * - otherwise as a national number of the country, dropping its trunk prefix
 *   (`07700 900123` in GB, `8 916 …` in Russia), unless only the digits-with-a-country-code
 *   reading is valid: `16505551212` from a German user is the US number.
 * A reading must be possible (the right length for its country); "valid" (in a range
 * assigned today) only arbitrates between readings, since a range assigned after this
 * metadata was published, or a fictional number like Meta's own `+1 555 987 6543`, is still
 * worth sending. The result must also read back as itself when written with `+`.
 */
export function normalizePhone(raw: string, country: string | null): string | null {
  // NFKC turns full-width digits and plus signs (common in East Asian data) into ASCII.
  const text = raw.normalize('NFKC');
  const start = text.search(/[+\p{Nd}]/u);
  if (start === -1) return null;
  const phone = read(text.slice(start), country);
  if (phone === undefined) return null;
  // What Meta gets must read back as itself; a trunk prefix left inside (`+44 0 641…`) does not.
  // Input already in E.164 form (most of it: Braze stores that) needs no second parse.
  const readsBack = phone.number === text || parse(phone.number)?.number === phone.number;
  return readsBack ? phone.number.slice(1) : null;
}

function read(text: string, country: string | null): PhoneNumber | undefined {
  if (text[0] === '+') return possible(parse(text));
  const digits = parseDigits(text);
  // The international prefix comes before a country code, and no country code starts with 0.
  if (digits.startsWith('000')) return undefined;
  const afterZeroZero = () => parse(`+${text.slice(2)}`);
  const withCountryCode = () => parse(`+${text}`);
  const code = country?.toUpperCase();
  if (code === undefined || !isSupportedCountry(code))
    return possible(text.startsWith('00') ? afterZeroZero() : withCountryCode());
  const national = parse(text, code);
  if (text.startsWith('00')) {
    const abroad = afterZeroZero();
    return valid(national) ?? valid(abroad) ?? possible(national) ?? possible(abroad);
  }
  if (digits.startsWith(getCountryCallingCode(code)))
    return possible(withCountryCode()) ?? possible(national);
  return valid(national) ?? valid(withCountryCode()) ?? possible(national);
}

const possible = (phone: PhoneNumber | undefined) => (phone?.isPossible() ? phone : undefined);
const valid = (phone: PhoneNumber | undefined) => (phone?.isValid() ? phone : undefined);

function parse(text: string, country?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country);
  } catch {
    return undefined;
  }
}
