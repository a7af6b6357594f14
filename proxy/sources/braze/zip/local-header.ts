import { endsMidFile, unreadable } from './archive-error.ts';
import type { ByteReader } from './byte-reader.ts';
import { uint64, view } from './zip-fields.ts';

export interface LocalHeader {
  name: string;
  method: 'stored' | 'deflated';
  /** General-purpose flag bit 3: CRC and sizes follow the data, in a data descriptor. */
  hasDataDescriptor: boolean;
  /** A ZIP64 extra field was present: a data descriptor then holds 64-bit sizes. */
  zip64: boolean;
  crc: number;
  compressedSize: number;
  size: number;
}

const FIXED_LENGTH = 30;
const ZIP64_EXTRA = 0x0001;
const SIZE_IN_ZIP64_EXTRA = 0xffffffff;
const FLAG = { encrypted: 1 << 0, dataDescriptor: 1 << 3, utf8Name: 1 << 11 };
const METHODS = { 0: 'stored', 8: 'deflated' } as const;

/** Reads the local file header at the reader's position (its signature already checked). */
export async function readLocalHeader(reader: ByteReader): Promise<LocalHeader> {
  let bytes = await reader.peek(FIXED_LENGTH);
  if (bytes.length < FIXED_LENGTH) throw endsMidFile();
  let fields = view(bytes);
  const nameLength = fields.getUint16(26, true);
  const extraLength = fields.getUint16(28, true);
  const length = FIXED_LENGTH + nameLength + extraLength;
  bytes = await reader.peek(length);
  if (bytes.length < length) throw endsMidFile();
  fields = view(bytes);
  const flags = fields.getUint16(6, true);
  const method = METHODS[fields.getUint16(8, true) as keyof typeof METHODS];
  const nameBytes = bytes.subarray(FIXED_LENGTH, FIXED_LENGTH + nameLength);
  // Without the UTF-8 flag a name is code page 437; Latin-1 agrees on ASCII, as fflate did.
  const name = Buffer.from(nameBytes).toString(flags & FLAG.utf8Name ? 'utf8' : 'latin1');
  if (flags & FLAG.encrypted) throw unreadable(`${name} is encrypted.`);
  if (method === undefined) {
    throw unreadable(`${name} uses compression method ${fields.getUint16(8, true)}.`);
  }
  const header: LocalHeader = {
    name,
    method,
    hasDataDescriptor: (flags & FLAG.dataDescriptor) !== 0,
    zip64: false,
    crc: fields.getUint32(14, true),
    compressedSize: fields.getUint32(18, true),
    size: fields.getUint32(22, true),
  };
  readExtraFields(bytes.subarray(FIXED_LENGTH + nameLength, length), header);
  reader.skip(length);
  return header;
}

/** The ZIP64 extra field holds, in this order, the sizes the fixed fields mark 0xFFFFFFFF. */
function readExtraFields(extra: Uint8Array, header: LocalHeader): void {
  const fields = view(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = fields.getUint16(at, true);
    const end = at + 4 + fields.getUint16(at + 2, true);
    if (end > extra.length) throw unreadable(`${header.name} has a malformed extra field.`);
    if (id === ZIP64_EXTRA) {
      header.zip64 = true;
      let field = at + 4;
      for (const size of ['size', 'compressedSize'] as const) {
        if (header[size] !== SIZE_IN_ZIP64_EXTRA) continue;
        if (field + 8 > end) throw unreadable(`${header.name} has a short ZIP64 extra field.`);
        header[size] = uint64(fields, field);
        field += 8;
      }
    }
    at = end;
  }
}
