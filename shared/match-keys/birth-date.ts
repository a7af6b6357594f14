import { OTHER_LANGUAGES } from './languages.ts';
import { foldForLookup } from './text-folding.ts';
import { UnambiguousMap } from './unambiguous-map.ts';

/**
 * DOBY / DOBM / DOBD. Each accepts its own part (`1997`, `2` or `Feb`, `16`) or a whole
 * year-first date (`1997-02-16`, `1997/2/16`, `1997-02-16T00:00:00Z`, the form Braze's `dob`
 * has), so one birth-date column can feed all three keys. Day-first and month-first dates
 * (`02/03/1997`) are ambiguous and unusable; two-digit years (`97`) likewise.
 */

const YEAR_FIRST_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;

interface BirthDate {
  year: number;
  month: number;
  day: number;
}

function parseYearFirstDate(text: string): BirthDate | null {
  const match = YEAR_FIRST_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 1997-02-30 over into March: a date that does not round-trip is not one.
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** DOBY: four digits, 1900 to the current year. */
export function normalizeBirthYear(raw: string, now: () => Date = () => new Date()): string | null {
  const text = raw.trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : parseYearFirstDate(text)?.year;
  if (year === undefined || year < 1900 || year > now().getUTCFullYear()) return null;
  return String(year);
}

/**
 * Month names and abbreviations, as `Intl` spells them both alone and inside a date (`март`,
 * `марта`). British English adds `Sept`. A name two languages give to different months is
 * dropped; so are those that differ only by a digit (`2月`), which folding removes.
 */
const MONTH_NAME_LOCALES = ['en', 'en-GB', ...OTHER_LANGUAGES];

let monthsByName: UnambiguousMap<number> | undefined;

function buildMonthNames(): UnambiguousMap<number> {
  const months = new UnambiguousMap<number>();
  for (const locale of MONTH_NAME_LOCALES) {
    for (const month of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' });
      for (let index = 0; index < 12; index++) {
        const date = new Date(Date.UTC(2000, index, 15));
        const spellings = [
          alone.format(date),
          ...inDate
            .formatToParts(date)
            .filter((part) => part.type === 'month')
            .map((part) => part.value),
        ];
        for (const spelling of spellings) {
          const key = foldForLookup(spelling);
          if (key !== '') months.add(key, index + 1);
        }
      }
    }
  }
  return months;
}

/** DOBM: `01`–`12`, from one or two digits, a month name or abbreviation, or a date. */
export function normalizeBirthMonth(raw: string): string | null {
  const text = raw.trim();
  let month: number | undefined;
  if (/^\d{1,2}$/.test(text)) month = Number(text);
  else if (/^\d{4}\D/.test(text)) month = parseYearFirstDate(text)?.month;
  else {
    monthsByName ??= buildMonthNames();
    month = monthsByName.get(foldForLookup(text));
  }
  return month !== undefined && month >= 1 && month <= 12 ? twoDigits(month) : null;
}

/** A day as people write it: `16`, `16.` (German), `16th`, `1st`, `2nd`, `3rd`. */
const DAY = /^(\d{1,2})(?:\.|st|nd|rd|th)?$/i;

/** DOBD: `01`–`31`, from one or two digits or a date. */
export function normalizeBirthDay(raw: string): string | null {
  const text = raw.trim();
  const match = DAY.exec(text);
  const day = match !== null ? Number(match[1]) : parseYearFirstDate(text)?.day;
  return day !== undefined && day >= 1 && day <= 31 ? twoDigits(day) : null;
}
