/** Little-endian ZIP fields (APPNOTE.TXT). */
export const SIGNATURE = {
  localFile: 0x04034b50,
  dataDescriptor: 0x08074b50,
  centralDirectory: 0x02014b50,
  zip64EndOfCentralDirectory: 0x06064b50,
  endOfCentralDirectory: 0x06054b50,
} as const;

export const view = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const uint64 = (data: DataView, at: number) =>
  data.getUint32(at, true) + data.getUint32(at + 4, true) * 2 ** 32;
