import { SIGNATURE, uint64, view } from './zip-fields.ts';

/** What an entry's data turned out to be: its descriptor must say the same. */
export interface EntryFacts {
  compressedSize: number;
  size: number;
  /** CRC-32 of the uncompressed bytes, computed only when the sizes already match. */
  crc: () => number;
}

/** The longest data descriptor: signature, CRC-32, two 64-bit sizes. */
export const MAX_DESCRIPTOR_LENGTH = 24;

/**
 * The length of a data descriptor at `at` that matches `facts`, or undefined. Its signature
 * is optional (APPNOTE 4.3.9.3) and its sizes are 64-bit after a ZIP64 local header (and
 * some writers use 64-bit sizes only once an entry outgrew 32 bits), so each layout is
 * tried, the likeliest first; one matches only if sizes and CRC all agree with the data.
 * A layout that does not fit in `bytes` is not tried.
 */
export function matchDataDescriptor(
  bytes: Uint8Array,
  at: number,
  facts: EntryFacts,
  zip64: boolean,
): number | undefined {
  const fields = view(bytes);
  const widths = zip64 ? [8, 4] : [4, 8];
  const signed = at + 4 <= bytes.length && fields.getUint32(at, true) === SIGNATURE.dataDescriptor;
  // A CRC can equal the signature's value, so an unsigned layout is tried as well.
  for (const start of signed ? [at + 4, at] : [at]) {
    for (const width of widths) {
      const end = start + 4 + 2 * width;
      if (end > bytes.length) continue;
      const read = (field: number) =>
        width === 4 ? fields.getUint32(field, true) : uint64(fields, field);
      if (
        read(start + 4) === facts.compressedSize &&
        read(start + 4 + width) === facts.size &&
        fields.getUint32(start, true) === facts.crc()
      ) {
        return end - at;
      }
    }
  }
  return undefined;
}
