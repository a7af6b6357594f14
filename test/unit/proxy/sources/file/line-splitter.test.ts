import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type TextLine } from '../../../../../proxy/sources/file/line-splitter.ts';
import { cutText } from '../../../../support/chunks.ts';

function split(chunks: readonly string[], max = 100): TextLine[] {
  const splitter = new LineSplitter(max);
  const out: TextLine[] = [];
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}

describe('LineSplitter', () => {
  it('splits at LF, drops the CR of CRLF, and keeps a last line without a break', () => {
    expect(split(['a\r\nb\n\nc'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: '' },
      { line: 4, text: 'c' },
    ]);
  });

  it('yields no extra line after a final line break', () => {
    expect(split(['a\n'])).toEqual([{ line: 1, text: 'a' }]);
    expect(split([''])).toEqual([]);
  });

  it('reports a line over the limit and reads on', () => {
    expect(split(['ok\n', 'x'.repeat(6), 'x'.repeat(6), '\nnext'], 10)).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLong: true },
      { line: 3, text: 'next' },
    ]);
    expect(split(['x'.repeat(11)], 10)).toEqual([{ line: 1, tooLong: true }]);
  });

  it('gives the same lines however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '{', '\r', '\n', '\r\n', 'é'), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, rawCuts) => {
          const text = parts.join('');
          const chunks = cutText(text, rawCuts);
          expect(split(chunks, 8)).toEqual(split([text], 8));
        },
      ),
    );
  });
});
