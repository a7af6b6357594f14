const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A record as the file wrote it, or one that could not be read. */
export type CsvRecord =
  | { line: number; fields: string[] }
  | { line: number; problem: 'line_too_long' | 'unterminated_quote' };

// Where the parser stands within a field.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: the next character says whether it was `""` or the end. */
const QUOTE_IN_QUOTED = 3;
/** After a closing quote: anything before the delimiter is kept as written (lenient). */
const AFTER_QUOTED = 4;

export interface CsvParserOptions {
  /** One character: `,`, `;` or tab (see `sniffDelimiter`). */
  delimiter: string;
  /** A record longer than this (in characters) is reported and skipped, never held whole. */
  maxRecordLength: number;
}

/**
 * RFC 4180 CSV, fed text in chunks of any size (a chunk may end anywhere: inside a quoted
 * field, between the CR and LF of a line break): quoted fields with `""` escapes, delimiters
 * and line breaks inside quotes, CRLF, LF or CR line ends. Lenient where files are sloppy:
 * a quote inside an unquoted field is a character, and so is text after a closing quote.
 * Blank lines yield nothing. Memory is bounded by `maxRecordLength`.
 */
export class CsvParser {
  private readonly delimiter: number;
  private readonly maxRecordLength: number;
  private state = FIELD_START;
  private fields: string[] = [];
  private field = '';
  /** Characters in the current record so far, delimiters included. */
  private length = 0;
  private tooLong = false;
  /** Whether the current record has begun (a blank line never begins one). */
  private started = false;
  /** The physical line the next character is on. */
  private line = 1;
  private recordLine = 1;
  /** The last character was a CR: an LF right after it belongs to the same line break. */
  private afterCR = false;

  constructor({ delimiter, maxRecordLength }: CsvParserOptions) {
    if (delimiter.length !== 1) throw new RangeError('The CSV delimiter must be one character.');
    this.delimiter = delimiter.charCodeAt(0);
    this.maxRecordLength = maxRecordLength;
  }

  /** Parses `text`, appending every record it completes to `out`. */
  push(text: string, out: CsvRecord[]): void {
    const end = text.length;
    let i = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          if (this.state === QUOTED) this.append(text, i, i + 1);
          i++;
          continue;
        }
      }
      if (this.state === QUOTED) {
        let j = i;
        while (j < end) {
          const d = text.charCodeAt(j);
          if (d === QUOTE || d === LF || d === CR) break;
          j++;
        }
        this.append(text, i, j);
        if (j === end) return;
        const d = text.charCodeAt(j);
        if (d === QUOTE) this.state = QUOTE_IN_QUOTED;
        else {
          // A line break inside quotes is part of the value, and still a new physical line.
          this.append(text, j, j + 1);
          this.line++;
          this.afterCR = d === CR;
        }
        i = j + 1;
        continue;
      }
      if (this.state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          this.append(text, i, i + 1);
          this.state = QUOTED;
          i++;
          continue;
        }
        this.state = AFTER_QUOTED;
      }
      if (c === this.delimiter) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.line++;
        this.afterCR = c === CR;
        i++;
      } else if (c === QUOTE && this.state === FIELD_START) {
        this.begin();
        this.state = QUOTED;
        i++;
      } else {
        this.begin();
        let j = i + 1;
        while (j < end) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === LF || d === CR) break;
          j++;
        }
        this.append(text, i, j);
        if (this.state === FIELD_START) this.state = UNQUOTED;
        i = j;
      }
    }
  }

  /** The input ended: completes the last record (a file need not end with a line break). */
  end(out: CsvRecord[]): void {
    if (this.state === QUOTED) {
      out.push({ line: this.recordLine, problem: 'unterminated_quote' });
      this.reset();
    } else {
      this.endRecord(out);
    }
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.recordLine = this.line;
  }

  private grow(characters: number): boolean {
    if (this.tooLong) return false;
    this.length += characters;
    if (this.length <= this.maxRecordLength) return true;
    this.tooLong = true;
    this.fields = [];
    this.field = '';
    return false;
  }

  private append(text: string, from: number, to: number): void {
    if (to > from && this.grow(to - from)) this.field += text.slice(from, to);
  }

  private endField(): void {
    this.begin();
    if (this.grow(1)) this.fields.push(this.field);
    this.field = '';
    this.state = FIELD_START;
  }

  private endRecord(out: CsvRecord[]): void {
    if (!this.started) return;
    if (this.tooLong) out.push({ line: this.recordLine, problem: 'line_too_long' });
    else {
      this.fields.push(this.field);
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.reset();
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.length = 0;
    this.tooLong = false;
    this.started = false;
    this.state = FIELD_START;
  }
}

const CANDIDATES = [',', ';', '\t'];

/**
 * The delimiter of a header line: whichever of `,` `;` and tab it holds most often outside
 * quotes (`,` on a tie or when it holds none: a one-column file).
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
  }
  let best = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}
