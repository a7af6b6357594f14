import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  type EntryBytes,
  unzipEntries,
} from '../../../../../proxy/sources/braze/unzip-entries.ts';
import { type TestEntry, zipArchive } from './zip-archive.ts';

async function* chunksOf(archive: Uint8Array, cuts: readonly number[] = []) {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield archive.subarray(from, cut);
    from = cut;
  }
  yield archive.subarray(from);
}

/** The pieces read, in archive order, and each entry's bytes joined. */
async function read(bytes: AsyncIterable<Uint8Array>) {
  const pieces: EntryBytes[] = [];
  for await (const piece of unzipEntries(bytes)) pieces.push(piece);
  return { pieces, files: joined(pieces) };
}

function joined(pieces: readonly EntryBytes[]): [string, string][] {
  const files = new Map<string, string>();
  for (const { entry, data } of pieces) {
    files.set(entry, (files.get(entry) ?? '') + Buffer.from(data).toString('latin1'));
  }
  return [...files];
}

const filesOf = (entries: readonly TestEntry[]) =>
  entries.map(({ name, content }) => [
    name,
    typeof content === 'string' ? content : Buffer.from(content).toString('latin1'),
  ]);

/** Why reading failed, and the pieces read before. */
async function failure(bytes: AsyncIterable<Uint8Array>) {
  const pieces: EntryBytes[] = [];
  try {
    for await (const piece of unzipEntries(bytes)) pieces.push(piece);
  } catch (error) {
    if (error instanceof ArchiveError) return Object.assign(error, { pieces });
    throw error;
  }
  throw new Error('Expected an ArchiveError, read the whole archive.');
}

/** Deterministic bytes that DEFLATE cannot shrink, so they appear verbatim in its output. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let at = 0; at < length; at += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[at] = state >>> 24;
  }
  return bytes;
}

const SIGNATURES = Buffer.from('PK\x03\x04PK\x07\x08PK\x01\x02PK\x05\x06', 'latin1');
const lines = (count: number) =>
  Array.from(
    { length: count },
    (_, n) => `{"external_id":"u${n}","email":"user${n}@example.com"}\n`,
  ).join('');

/** Every way an entry can be written, with a little content of each kind. */
const EVERY_LAYOUT: TestEntry[] = (['deflated', 'stored'] as const).flatMap((method) =>
  (['none', 'signed', 'unsigned'] as const).flatMap((descriptor) =>
    [false, true].map((zip64) => ({
      name: `${method}-${descriptor}${zip64 ? '-zip64' : ''}.json`,
      content: `${lines(3)}PK\x07\x08 and PK\x03\x04 inside`,
      method,
      descriptor,
      zip64,
    })),
  ),
);

describe('unzipEntries', () => {
  it('reads deflated and stored entries, with and without data descriptors and ZIP64', async () => {
    const { files, pieces } = await read(chunksOf(zipArchive(EVERY_LAYOUT)));

    expect(files).toEqual(filesOf(EVERY_LAYOUT));
    // Exactly one final piece per entry, the entry's last.
    expect(pieces.filter((piece) => piece.final).map((piece) => piece.entry)).toEqual(
      EVERY_LAYOUT.map((entry) => entry.name),
    );
  });

  it('hands out a large entry in pieces, only the last one final', async () => {
    const content = lines(20_000);
    const { files, pieces } = await read(
      chunksOf(zipArchive([{ name: 'big.json', content, descriptor: 'signed' }]), [1000, 70_000]),
    );

    expect(files).toEqual([['big.json', content]]);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((piece) => piece.final)).toEqual([
      ...Array(pieces.length - 1).fill(false),
      true,
    ]);
  });

  it('ends a deflated entry where zlib says, whatever signatures its compressed bytes hold', async () => {
    // Incompressible content goes into DEFLATE stored blocks verbatim: a signature scan
    // (fflate's Unzip) would end the entry at the first of these.
    const content = Buffer.concat([noise(40_000, 1), SIGNATURES, noise(40_000, 2), SIGNATURES]);
    const entries: TestEntry[] = [
      { name: 'a.bin', content, descriptor: 'signed' },
      { name: 'b.bin', content: SIGNATURES, descriptor: 'unsigned' },
    ];

    expect((await read(chunksOf(zipArchive(entries), [5, 30_000]))).files).toEqual(
      filesOf(entries),
    );
  });

  it('finds a stored entry’s descriptor past signatures and near-descriptors in its content', async () => {
    // A fake signed descriptor whose sizes fit its position, with a wrong CRC.
    const head = Buffer.from('line one\nPK\x03\x04PK\x07\x08', 'latin1');
    const fake = Buffer.alloc(16);
    fake.writeUInt32LE(0x08074b50, 0);
    fake.writeUInt32LE((crc32(head) ^ 1) >>> 0, 4);
    fake.writeUInt32LE(head.length, 8);
    fake.writeUInt32LE(head.length, 12);
    const content = Buffer.concat([head, fake, SIGNATURES, Buffer.from('PK\x07\x08')]);
    const entries: TestEntry[] = [
      { name: 'tricky.json', content, method: 'stored', descriptor: 'signed' },
      { name: 'after.json', content: 'next', method: 'stored', descriptor: 'unsigned' },
    ];

    for (const cuts of [[], [head.length + 3], [content.length]]) {
      expect((await read(chunksOf(zipArchive(entries), cuts))).files).toEqual(filesOf(entries));
    }
  });

  it('reads empty entries (directories) as one empty final piece', async () => {
    const entries: TestEntry[] = [
      { name: 'dir/', content: '', method: 'stored' },
      { name: 'empty-deflated.json', content: '', descriptor: 'signed' },
      { name: 'empty-stored.json', content: '', method: 'stored', descriptor: 'unsigned' },
      { name: 'empty-zip64.json', content: '', descriptor: 'signed', zip64: true },
      { name: 'last.json', content: 'x' },
    ];
    const { pieces } = await read(chunksOf(zipArchive(entries)));

    expect(pieces.map(({ entry, data, final }) => [entry, data.length, final])).toEqual([
      ['dir/', 0, true],
      ['empty-deflated.json', 0, true],
      ['empty-stored.json', 0, true],
      ['empty-zip64.json', 0, true],
      ['last.json', 1, true],
    ]);
  });

  it('reads an archive of many entries, and one of none', async () => {
    const entries = Array.from({ length: 300 }, (_, n) => ({
      name: `segment/${n}.json`,
      content: lines(n % 7),
      descriptor: 'signed' as const,
    }));

    expect((await read(chunksOf(zipArchive(entries)))).files).toEqual(filesOf(entries));
    expect((await read(chunksOf(zipArchive([])))).pieces).toEqual([]);
  });

  it('reads the same entries however the input is split', async () => {
    const archive = zipArchive(EVERY_LAYOUT);
    const oneByteChunks = async function* () {
      for (let at = 0; at < archive.length; at += 1) yield archive.subarray(at, at + 1);
    };
    expect((await read(oneByteChunks())).files).toEqual(filesOf(EVERY_LAYOUT));

    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: archive.length }), { maxLength: 40 }),
        async (cuts) => {
          expect((await read(chunksOf(archive, cuts))).files).toEqual(filesOf(EVERY_LAYOUT));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('says the archive is truncated wherever it is cut, never yielding a final piece it lacks', async () => {
    const entries: TestEntry[] = [
      { name: 'a.json', content: lines(2), descriptor: 'signed' },
      { name: 'b.json', content: lines(2), method: 'stored', descriptor: 'unsigned' },
      { name: 'c.json', content: lines(2), descriptor: 'unsigned', zip64: true },
      { name: 'd.json', content: lines(2), method: 'stored' },
      { name: 'e.json', content: lines(2) },
    ];
    const archive = zipArchive(entries);
    const expected = new Map(filesOf(entries) as [string, string][]);
    for (let length = 0; length < archive.length; length += 1) {
      const { reason, pieces } = await failure(chunksOf(archive.subarray(0, length)));

      expect(reason, `cut at ${length}`).toBe('truncated');
      // What was read is the start of each file, and all of it for a file marked final.
      const finished = new Set(pieces.filter((piece) => piece.final).map((piece) => piece.entry));
      for (const [name, text] of joined(pieces)) {
        const content = expected.get(name) ?? '';
        if (finished.has(name)) expect(text).toBe(content);
        else expect(content.startsWith(text)).toBe(true);
      }
    }
  });

  it.each([
    ['a deflated entry’s descriptor', { descriptor: 'signed' as const }],
    ['a deflated entry’s local header', {}],
    ['a stored entry’s local header', { method: 'stored' as const }],
  ])('rejects a wrong CRC-32 in %s as corrupt, before the final piece', async (_, layout) => {
    const archive = zipArchive([{ name: 'bad.json', content: lines(3), crc: 1234, ...layout }]);
    const error = await failure(chunksOf(archive));

    expect(error).toMatchObject({ reason: 'corrupt', message: /bad\.json does not match/ });
    expect(error.pieces.filter((piece) => piece.final)).toEqual([]);
  });

  it('reads a stored entry whose descriptor CRC is wrong to the end, and calls it truncated', async () => {
    // No descriptor matches, so nothing says where the entry ends: the data runs out first.
    const archive = zipArchive([
      { name: 'bad.json', content: 'x', method: 'stored', descriptor: 'signed', crc: 1 },
    ]);

    expect((await failure(chunksOf(archive))).reason).toBe('truncated');
  });

  it('rejects what is not a ZIP it can read as corrupt', async () => {
    const html = chunksOf(Buffer.from('<html>Access denied</html>'));
    expect(await failure(html)).toMatchObject({ reason: 'corrupt', message: /Not a readable ZIP/ });

    const archive = zipArchive([{ name: 'a.json', content: 'text' }]);
    const method = Buffer.from(archive);
    method.writeUInt16LE(12, 8); // bzip2
    expect(await failure(chunksOf(method))).toMatchObject({ message: /method 12/ });
    const encrypted = Buffer.from(archive);
    encrypted.writeUInt16LE(1, 6);
    expect(await failure(chunksOf(encrypted))).toMatchObject({ message: /encrypted/ });
    const garbled = Buffer.from(zipArchive([{ name: 'a.json', content: noise(1000, 3) }]));
    garbled.fill(0xff, 40, 60);
    expect(await failure(chunksOf(garbled))).toMatchObject({ reason: 'corrupt' });
  });

  it('stops reading its input when the consumer stops', async () => {
    const archive = zipArchive([
      { name: 'a.json', content: 'first' },
      { name: 'b.json', content: 'second' },
    ]);
    let closed = false;
    const source = (async function* () {
      try {
        yield* chunksOf(archive, [40, 80]);
      } finally {
        closed = true;
      }
    })();

    for await (const piece of unzipEntries(source)) {
      expect(piece.entry).toBe('a.json');
      break;
    }
    expect(closed).toBe(true);
  });
});
