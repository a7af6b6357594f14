import { ArchiveError, unreadable } from './zip/archive-error.ts';
import { ByteReader } from './zip/byte-reader.ts';
import { entryData } from './zip/entry-data.ts';
import { readLocalHeader } from './zip/local-header.ts';
import { SIGNATURE, view } from './zip/zip-fields.ts';

export { ArchiveError };

/** Uncompressed bytes of one ZIP entry; `final` on the entry's last piece. */
export interface EntryBytes {
  entry: string;
  data: Uint8Array;
  final: boolean;
}

/** End of central directory record: the last thing in a complete ZIP (22 bytes + comment). */
const EOCD_SIZE = 22;
const MAX_TAIL = EOCD_SIZE + 0xffff;
const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * The entries of a ZIP read as it streams, in archive order, in constant memory: local
 * headers are read one after the other and each entry's bytes are handed on as they are
 * inflated. Where an entry with a data descriptor ends is decided by zlib (DEFLATE) or by a
 * descriptor whose sizes and CRC-32 match the bytes before it (stored), never by a bare
 * signature scan; every entry is checked against its CRC-32 and sizes before its `final`
 * piece. Reading stops at the central directory, whose end record must close the archive.
 * An archive that stops early, mid-entry or between entries, is `ArchiveError('truncated')`;
 * one that is damaged or uses what this reader does not support is `'corrupt'`.
 */
export async function* unzipEntries(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<EntryBytes> {
  const reader = new ByteReader(bytes);
  try {
    for (;;) {
      const next = await reader.peek(4);
      if (next.length < 4) {
        throw new ArchiveError('truncated', 'The archive ends before its table of contents.');
      }
      const signature = view(next).getUint32(0, true);
      if (signature !== SIGNATURE.localFile) {
        if (!isDirectoryStart(signature)) throw unreadable('no file header where one belongs.');
        await readToEndOfCentralDirectory(reader);
        return;
      }
      const header = await readLocalHeader(reader);
      // One piece held back, so that the last carries `final` once the entry has been checked.
      let held: Uint8Array | undefined;
      for await (const data of entryData(reader, header)) {
        if (data.length === 0) continue;
        if (held) yield { entry: header.name, data: held, final: false };
        held = data;
      }
      yield { entry: header.name, data: held ?? EMPTY, final: true };
    }
  } finally {
    await reader.close();
  }
}

const isDirectoryStart = (signature: number) =>
  signature === SIGNATURE.centralDirectory ||
  signature === SIGNATURE.zip64EndOfCentralDirectory ||
  signature === SIGNATURE.endOfCentralDirectory;

/** Reads the rest, keeping only the last 64 KiB, to check the archive ends with its EOCD. */
async function readToEndOfCentralDirectory(reader: ByteReader): Promise<void> {
  let tail: Uint8Array = EMPTY;
  for (let chunk = await reader.chunk(); chunk.length > 0; chunk = await reader.chunk()) {
    tail = keepTail(tail, chunk);
    reader.skip(chunk.length);
  }
  if (!endsWithCentralDirectory(tail)) {
    throw new ArchiveError('truncated', 'The archive ends before its table of contents.');
  }
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= MAX_TAIL) return chunk.slice(chunk.length - MAX_TAIL);
  const keep = Math.min(tail.length, MAX_TAIL - chunk.length);
  const next = new Uint8Array(keep + chunk.length);
  next.set(tail.subarray(tail.length - keep));
  next.set(chunk, keep);
  return next;
}

/** The EOCD record, found from the end: its comment length must reach the archive's end. */
function endsWithCentralDirectory(tail: Uint8Array): boolean {
  const fields = view(tail);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at -= 1) {
    if (
      fields.getUint32(at, true) === SIGNATURE.endOfCentralDirectory &&
      at + EOCD_SIZE + fields.getUint16(at + 20, true) === tail.length
    ) {
      return true;
    }
  }
  return false;
}
