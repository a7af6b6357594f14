import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  type CsvRecord,
  sniffDelimiter,
} from '../../../../../proxy/sources/file/csv-parser.ts';
import { cutText } from '../../../../support/chunks.ts';

function parse(chunks: string | readonly string[], delimiter = ',', maxRecordLength = 1000) {
  const parser = new CsvParser({ delimiter, maxRecordLength });
  const out: CsvRecord[] = [];
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) parser.push(chunk, out);
  parser.end(out);
  return out;
}

const fields = (text: string, delimiter = ',') =>
  parse(text, delimiter).map((record) => ('fields' in record ? record.fields : record.problem));

describe('CsvParser', () => {
  it('reads plain records with their line numbers', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads the last record without a final line break, and empty fields', () => {
    expect(fields('a,,c\n,,\nx')).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
  });

  it('unquotes fields, with "" as an escaped quote', () => {
    expect(fields('"a","say ""hi""",""\n')).toEqual([['a', 'say "hi"', '']]);
  });

  it('keeps delimiters and line breaks inside quotes, counting the physical lines', () => {
    const records = parse('"a,b","line 1\nline 2\r\nline 3"\nnext\n');
    expect(records).toEqual([
      { line: 1, fields: ['a,b', 'line 1\nline 2\r\nline 3'] },
      { line: 4, fields: ['next'] },
    ]);
  });

  it('ends lines at CRLF, LF or a lone CR', () => {
    expect(parse('a\r\nb\nc\rd')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
      { line: 4, fields: ['d'] },
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(parse('\n\na\r\n\r\n\nb\n\n')).toEqual([
      { line: 3, fields: ['a'] },
      { line: 6, fields: ['b'] },
    ]);
  });

  it('takes stray quotes as characters instead of failing', () => {
    expect(fields('ab"c,"quoted"tail,x""\n')).toEqual([['ab"c', 'quotedtail', 'x""']]);
  });

  it('reads ; and tab delimited files', () => {
    expect(fields('a;"b;c";d\n', ';')).toEqual([['a', 'b;c', 'd']]);
    expect(fields('a\tb,c\t"d"\n', '\t')).toEqual([['a', 'b,c', 'd']]);
  });

  it('reports a quote never closed, on the line it opened', () => {
    expect(parse('a\n"open,\nstill open\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, problem: 'unterminated_quote' },
    ]);
  });

  it('reports a record over the limit and reads on from the next one', () => {
    const long = 'x'.repeat(50);
    expect(parse(`a\n${long}\n"${long}\n${long}"\n${','.repeat(60)}\nb\n`, ',', 40)).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, problem: 'line_too_long' },
      { line: 3, problem: 'line_too_long' },
      { line: 5, problem: 'line_too_long' },
      { line: 6, fields: ['b'] },
    ]);
  });

  it('counts delimiters towards the limit, so a line of commas cannot grow memory', () => {
    expect(parse(`${','.repeat(5)}\n`, ',', 5)).toEqual([{ line: 1, fields: Array(6).fill('') }]);
    expect(parse(`${','.repeat(6)}\n`, ',', 5)).toEqual([{ line: 1, problem: 'line_too_long' }]);
  });

  it('refuses a delimiter that is not one character', () => {
    expect(() => new CsvParser({ delimiter: ';;', maxRecordLength: 10 })).toThrow(RangeError);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const csvText = fc
      .array(fc.constantFrom('a', 'é', ',', ';', '"', '""', '\r', '\n', '\r\n', ' ', 'x'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 8 }), (text, rawCuts) => {
        const chunks = cutText(text, rawCuts);
        expect(parse(chunks, ',', 30)).toEqual(parse(text, ',', 30));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['email,phone,first_name', ','],
    ['email;phone;first_name', ';'],
    ['email\tphone\tfirst_name', '\t'],
    ['"last, first";email;phone', ';'],
    ['email', ','],
    ['a,b;c', ','],
    ['', ','],
  ])('%j → %j', (header, delimiter) => {
    expect(sniffDelimiter(header)).toBe(delimiter);
  });
});
