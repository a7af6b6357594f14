import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../../../proxy/sources/file/decode-text.ts';
import { chunkedStream } from '../../../../support/chunks.ts';

const decode = async (bytes: number[], cuts: number[] = []) =>
  (await Array.fromAsync(decodeUtf8(chunkedStream(new Uint8Array(bytes), cuts)))).join('');

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeUtf8', () => {
  it('completes characters split between chunks', async () => {
    const bytes = utf8('zoë 東京 😀');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await decode(bytes, [cut])).toBe('zoë 東京 😀');
    }
  });

  it('drops a leading byte order mark, and only a leading one', async () => {
    expect(await decode([0xef, 0xbb, 0xbf, ...utf8('a\uFEFFb')], [1, 2])).toBe('a\uFEFFb');
  });

  it('turns invalid bytes into U+FFFD instead of failing', async () => {
    expect(await decode([0x61, 0xff, 0x62, 0xe6])).toBe('a\uFFFDb\uFFFD');
  });

  it('reads async iterables of bytes as well as streams', async () => {
    async function* bytes() {
      yield new Uint8Array(utf8('ab'));
      yield new Uint8Array(utf8('c'));
    }
    expect((await Array.fromAsync(decodeUtf8(bytes()))).join('')).toBe('abc');
  });

  it('passes a failing stream’s own error on', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    await expect(Array.fromAsync(decodeUtf8(failing))).rejects.toThrow('connection reset');
  });
});
