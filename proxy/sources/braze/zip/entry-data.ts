import { crc32 } from 'node:zlib';
import { endsMidFile, unreadable } from './archive-error.ts';
import type { ByteReader } from './byte-reader.ts';
import { type EntryFacts, MAX_DESCRIPTOR_LENGTH, matchDataDescriptor } from './data-descriptor.ts';
import type { LocalHeader } from './local-header.ts';
import { RawInflater } from './raw-inflater.ts';

/**
 * The uncompressed bytes of the entry whose local header was just read, as they stream;
 * ends with the reader just past the entry (and its data descriptor). The generator
 * returns only once the data matched the CRC-32 and sizes the archive gives for it.
 */
export function entryData(reader: ByteReader, header: LocalHeader): AsyncGenerator<Uint8Array> {
  if (header.method === 'deflated') return inflated(reader, header);
  return header.hasDataDescriptor ? storedUntilDescriptor(reader, header) : stored(reader, header);
}

/** Running CRC-32 and length of an entry's uncompressed bytes. */
class Tally {
  crc = 0;
  size = 0;

  add(bytes: Uint8Array): Uint8Array {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    return bytes;
  }
}

async function* stored(reader: ByteReader, header: LocalHeader): AsyncGenerator<Uint8Array> {
  const tally = new Tally();
  while (tally.size < header.compressedSize) {
    const chunk = await reader.chunk();
    if (chunk.length === 0) throw endsMidFile();
    const piece = chunk.subarray(0, header.compressedSize - tally.size);
    reader.skip(piece.length);
    yield tally.add(piece);
  }
  check(header, { compressedSize: tally.size, size: tally.size, crc: () => tally.crc });
}

/**
 * A DEFLATE entry: zlib decides where its data ends, whatever its header says; the sizes
 * and CRC it had (local header, or the data descriptor after it) are then checked.
 */
async function* inflated(reader: ByteReader, header: LocalHeader): AsyncGenerator<Uint8Array> {
  const tally = new Tally();
  const inflater = new RawInflater();
  let compressedSize = 0;
  try {
    for (;;) {
      const chunk = await reader.chunk();
      if (chunk.length === 0) {
        await inflater.finish(true).catch(() => {
          throw endsMidFile();
        });
        break;
      }
      const used = await inflater.write(chunk).catch((error: unknown) => {
        throw unreadable(`${header.name}: ${error instanceof Error ? error.message : error}.`);
      });
      reader.skip(used);
      compressedSize += used;
      for (const piece of inflater.take()) yield tally.add(piece);
      if (used < chunk.length) {
        await inflater.finish(false);
        break;
      }
    }
    for (const piece of inflater.take()) yield tally.add(piece);
  } finally {
    inflater.destroy();
  }
  const facts = { compressedSize, size: tally.size, crc: () => tally.crc };
  if (!header.hasDataDescriptor) {
    check(header, facts);
    return;
  }
  const bytes = await reader.peek(MAX_DESCRIPTOR_LENGTH);
  const length = matchDataDescriptor(bytes, 0, facts, header.zip64);
  if (length === undefined) {
    // Without a whole descriptor's bytes the input was cut short; with them, it is damaged.
    throw bytes.length < MAX_DESCRIPTOR_LENGTH
      ? endsMidFile()
      : unreadable(`${header.name} does not match the CRC-32 or sizes of its data descriptor.`);
  }
  reader.skip(length);
}

/**
 * A stored entry with a data descriptor: nothing in the data says where it ends, so each
 * position is tried as the start of a descriptor whose sizes equal the bytes before it
 * and whose CRC-32 is theirs. Stored content can hold descriptor or header signatures; a
 * match of all three by chance is about one in 2^64 per position.
 */
async function* storedUntilDescriptor(
  reader: ByteReader,
  header: LocalHeader,
): AsyncGenerator<Uint8Array> {
  const tally = new Tally();
  for (;;) {
    const bytes = await reader.peek(MAX_DESCRIPTOR_LENGTH);
    // Positions with a whole descriptor's worth of bytes after them; all once the input ended.
    const positions = reader.ended ? bytes.length : bytes.length - MAX_DESCRIPTOR_LENGTH + 1;
    for (let at = 0; at < positions; at += 1) {
      const facts: EntryFacts = {
        compressedSize: tally.size + at,
        size: tally.size + at,
        crc: () => crc32(bytes.subarray(0, at), tally.crc),
      };
      const length = matchDataDescriptor(bytes, at, facts, header.zip64);
      if (length !== undefined) {
        if (at > 0) yield tally.add(bytes.subarray(0, at));
        reader.skip(at + length);
        return;
      }
    }
    if (reader.ended) throw endsMidFile();
    reader.skip(positions);
    yield tally.add(bytes.subarray(0, positions));
  }
}

/** The data against the CRC-32 and sizes of its local header. */
function check(header: LocalHeader, facts: EntryFacts): void {
  if (
    facts.compressedSize !== header.compressedSize ||
    facts.size !== header.size ||
    facts.crc() !== header.crc
  ) {
    throw unreadable(`${header.name} does not match its CRC-32 or sizes.`);
  }
}
