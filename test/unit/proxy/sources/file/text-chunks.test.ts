import { describe, expect, it } from 'vitest';
import { END, prepend, withEnd } from '../../../../../proxy/sources/file/text-chunks.ts';

async function* each(items: string[], log: string[] = []) {
  try {
    yield* items;
  } finally {
    log.push('closed');
  }
}

describe('text chunks', () => {
  it('mark the end of the input', async () => {
    expect(await Array.fromAsync(withEnd(each(['a', 'b'])))).toEqual(['a', 'b', END]);
  });

  it('put back what was read first, and close the rest when the reader stops', async () => {
    expect(await Array.fromAsync(prepend('a', each(['b', 'c'])))).toEqual(['a', 'b', 'c']);
    expect(await Array.fromAsync(prepend('', each(['b'])))).toEqual(['b']);
    const log: string[] = [];
    for await (const chunk of prepend('a', each(['b', 'c'], log))) if (chunk === 'b') break;
    expect(log).toEqual(['closed']);
  });
});
