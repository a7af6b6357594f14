import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test archive and how it is written. */
export interface TestEntry {
  name: string;
  content: Uint8Array | string;
  method?: 'stored' | 'deflated';
  /** General-purpose flag bit 3: CRC and sizes after the data, with or without a signature. */
  descriptor?: 'none' | 'signed' | 'unsigned';
  /** Sizes in a ZIP64 extra field (local header sizes 0xFFFFFFFF) and a 64-bit descriptor. */
  zip64?: boolean;
  /** A CRC-32 other than the content's, to write a damaged archive. */
  crc?: number;
}

const encoder = new TextEncoder();

/** A ZIP as a streaming writer makes it: local headers, data, descriptors, central directory. */
export function zipArchive(entries: readonly TestEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const add = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  for (const entry of entries) {
    const content =
      typeof entry.content === 'string' ? encoder.encode(entry.content) : entry.content;
    const deflated = (entry.method ?? 'deflated') === 'deflated';
    const data = deflated ? deflateRawSync(content) : content;
    const crc = entry.crc ?? crc32(content);
    const descriptor = entry.descriptor ?? 'none';
    const later = descriptor !== 'none';
    const name = encoder.encode(entry.name);
    const flags = (later ? 1 << 3 : 0) | (1 << 11);
    const sizes = { crc: later ? 0 : crc, compressed: later ? 0 : data.length };
    const size = later ? 0 : content.length;
    const extra = entry.zip64 ? fields([2, 0x0001], [2, 16], [8, size], [8, sizes.compressed]) : [];
    const localOffset = offset;
    add(
      fields(
        [4, 0x04034b50],
        [2, entry.zip64 ? 45 : 20],
        [2, flags],
        [2, deflated ? 8 : 0],
        [4, 0],
        [4, sizes.crc],
        [4, entry.zip64 ? 0xffffffff : sizes.compressed],
        [4, entry.zip64 ? 0xffffffff : size],
        [2, name.length],
        [2, extra.length],
      ),
    );
    add(name);
    add(new Uint8Array(extra));
    add(data);
    if (later) {
      const width = entry.zip64 ? 8 : 4;
      add(
        fields(
          ...(descriptor === 'signed' ? [[4, 0x08074b50] as const] : []),
          [4, crc],
          [width, data.length],
          [width, content.length],
        ),
      );
    }
    central.push(
      fields(
        [4, 0x02014b50],
        [2, 45],
        [2, 20],
        [2, flags],
        [2, deflated ? 8 : 0],
        [4, 0],
        [4, crc],
        [4, data.length],
        [4, content.length],
        [2, name.length],
        [2, 0],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, 0],
        [4, localOffset],
      ),
      name,
    );
  }
  const directoryOffset = offset;
  for (const part of central) add(part);
  add(
    fields(
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, entries.length],
      [2, entries.length],
      [4, offset - directoryOffset],
      [4, directoryOffset],
      [2, 0],
    ),
  );
  return Buffer.concat(parts);
}

/** Little-endian fields of 2, 4 or 8 bytes. */
function fields(...values: (readonly [2 | 4 | 8, number])[]): Uint8Array {
  const bytes = new Uint8Array(values.reduce((sum, [width]) => sum + width, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [width, value] of values) {
    if (width === 2) view.setUint16(at, value, true);
    else if (width === 4) view.setUint32(at, value, true);
    else view.setBigUint64(at, BigInt(value), true);
    at += width;
  }
  return bytes;
}
