import type { ColumnNames, ColumnTarget } from '../column-names.ts';
import type { SourceItem } from '../source-item.ts';
import { toSourceUser } from '../source-user.ts';
import { CsvParser, type CsvRecord, sniffDelimiter } from './csv-parser.ts';
import type { ReadTextOptions } from './read-text-options.ts';
import { END, prepend, withEnd } from './text-chunks.ts';
import { UnreadableFileError } from './unreadable-file-error.ts';

const LINE_BREAK = /[\r\n]/g;
const NOT_LINE_BREAK = /[^\r\n]/;

/**
 * Users from CSV text with a header line. The delimiter (`,` `;` or tab) is sniffed from the
 * header. A row with fewer cells than the header is read as far as it goes; one with extra
 * non-empty cells is malformed (its values could be in the wrong columns). Rows whose cells
 * are all blank (`,,,` from spreadsheets) count as blank lines. Throws
 * `UnreadableFileError` when the header is too long or names no known field.
 */
export async function* readCsv(
  text: AsyncIterable<string>,
  { columns, maxLineLength }: ReadTextOptions,
): AsyncGenerator<SourceItem> {
  const chunks = text[Symbol.asyncIterator]();
  try {
    // The header line decides the delimiter, so it is read whole first (bounded like any line;
    // blank lines before it are skipped, as the parser skips them).
    let start = '';
    let headerStart = -1;
    let headerEnd = -1;
    while (headerEnd === -1 && start.length - Math.max(headerStart, 0) <= maxLineLength) {
      const next = await chunks.next();
      if (next.done) break;
      const offset = start.length;
      start += next.value;
      if (headerStart === -1) {
        const content = next.value.search(NOT_LINE_BREAK);
        if (content !== -1) headerStart = offset + content;
      }
      if (headerStart !== -1) {
        LINE_BREAK.lastIndex = Math.max(offset, headerStart);
        headerEnd = LINE_BREAK.exec(start)?.index ?? -1;
      }
    }
    headerStart = Math.max(headerStart, 0);
    if (headerEnd === -1) headerEnd = start.length;
    if (headerEnd - headerStart > maxLineLength) {
      throw new UnreadableFileError(
        'header_too_long',
        `The first line is longer than ${maxLineLength} characters: it cannot be a header.`,
      );
    }

    const parser = new CsvParser({
      delimiter: sniffDelimiter(start.slice(headerStart, headerEnd)),
      maxRecordLength: maxLineLength,
    });
    let header: CsvHeader | undefined;
    const records: CsvRecord[] = [];
    for await (const chunk of withEnd(prepend(start, chunks))) {
      if (chunk === END) parser.end(records);
      else parser.push(chunk, records);
      for (const record of records) {
        if (header === undefined) {
          header = readHeader(record, columns, maxLineLength);
          for (const name of header.unmapped) yield { kind: 'unmapped-column', name };
        } else {
          const item = header.item(record);
          if (item !== undefined) yield item;
        }
      }
      records.length = 0;
    }
  } finally {
    // Failed or stopped early while reading the header: the upload is not read on.
    await chunks.return?.();
  }
}

function readHeader(record: CsvRecord, columns: ColumnNames, maxLineLength: number): CsvHeader {
  if ('problem' in record) {
    throw record.problem === 'line_too_long'
      ? new UnreadableFileError(
          'header_too_long',
          `The header is longer than ${maxLineLength} characters.`,
        )
      : new UnreadableFileError('unterminated_header', 'The header opens a quote it never closes.');
  }
  return new CsvHeader(record.fields, columns);
}

/** What each column of a file feeds, and the users its rows make. */
class CsvHeader {
  readonly unmapped: string[] = [];
  private readonly targets: ColumnTarget[];

  constructor(names: string[], columns: ColumnNames) {
    const taken = new Set<string>();
    this.targets = names.map((name) => {
      const target = columns.target(name);
      if (target.kind === 'field' && !taken.has(target.field)) {
        taken.add(target.field);
        return target;
      }
      if (target.kind === 'ignored') return target;
      // A second column for a field already fed (two `email` columns) stays an attribute.
      this.unmapped.push(name);
      return { kind: 'attribute', name: name.trim() };
    });
    if (taken.size === 0) {
      throw new UnreadableFileError(
        'no_known_columns',
        `None of the columns is a field the relay knows: ${names.map((name) => JSON.stringify(name)).join(', ')}.`,
      );
    }
  }

  /** The item a record makes, or undefined for a row of blank cells. */
  item(record: CsvRecord): SourceItem | undefined {
    if ('problem' in record) return { kind: 'problem', line: record.line, problem: record.problem };
    const { fields: cells, line } = record;
    if (cells.every(isBlank)) return undefined;
    for (let extra = this.targets.length; extra < cells.length; extra++) {
      if (!isBlank(cells[extra] ?? ''))
        return { kind: 'problem', line, problem: 'too_many_fields' };
    }
    const fields: Record<string, unknown> = {};
    const attributes: Record<string, unknown> = {};
    const width = Math.min(cells.length, this.targets.length);
    for (let column = 0; column < width; column++) {
      const target = this.targets[column];
      const cell = cells[column];
      if (target === undefined || cell === undefined || cell === '') continue;
      if (target.kind === 'field') fields[target.field] = cell;
      else if (target.kind === 'attribute') attributes[target.name] = cell;
    }
    fields.custom_attributes = attributes;
    return { kind: 'user', line, user: toSourceUser(fields) };
  }
}

function isBlank(cell: string): boolean {
  return cell.trim() === '';
}
