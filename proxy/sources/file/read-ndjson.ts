import type { SourceItem } from '../source-item.ts';
import { isPlainObject } from '../source-user.ts';
import { userFromObject } from '../user-from-object.ts';
import { LineSplitter, type TextLine } from './line-splitter.ts';
import type { ReadTextOptions } from './read-text-options.ts';
import { END, withEnd } from './text-chunks.ts';

/** Unmapped keys reported per file: enough to spot a misnamed field, bounded for junk. */
const UNMAPPED_AT_MOST = 100;

/**
 * Users from NDJSON text: one JSON object per line (a Braze export file, or any tool's).
 * Blank lines are skipped; a line that is not JSON, or not an object, is a problem. Each key
 * that names no field is reported once, the first time it appears.
 */
export async function* readNdjson(
  text: AsyncIterable<string>,
  { columns, maxLineLength }: ReadTextOptions,
): AsyncGenerator<SourceItem> {
  const splitter = new LineSplitter(maxLineLength);
  const reported = new Set<string>();
  const unmapped: string[] = [];
  const noteUnmapped = (key: string) => {
    if (reported.size < UNMAPPED_AT_MOST && !reported.has(key)) {
      reported.add(key);
      unmapped.push(key);
    }
  };
  const lines: TextLine[] = [];
  for await (const chunk of withEnd(text)) {
    if (chunk === END) splitter.end(lines);
    else splitter.push(chunk, lines);
    for (const line of lines) {
      const item = readLine(line, columns, noteUnmapped);
      for (const name of unmapped) yield { kind: 'unmapped-column', name };
      unmapped.length = 0;
      if (item !== undefined) yield item;
    }
    lines.length = 0;
  }
}

function readLine(
  line: TextLine,
  columns: ReadTextOptions['columns'],
  unmapped: (key: string) => void,
): SourceItem | undefined {
  if ('tooLong' in line) return { kind: 'problem', line: line.line, problem: 'line_too_long' };
  if (line.text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    return { kind: 'problem', line: line.line, problem: 'invalid_json' };
  }
  if (!isPlainObject(value)) return { kind: 'problem', line: line.line, problem: 'not_an_object' };
  return { kind: 'user', line: line.line, user: userFromObject(value, columns, unmapped) };
}
