import { Unzip, UnzipInflate } from 'fflate';

/** Uncompressed bytes of one ZIP entry; `final` on the entry's last piece. */
export interface EntryBytes {
  entry: string;
  data: Uint8Array;
  final: boolean;
}

/** Why an archive could not be read to its end. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  readonly reason: 'truncated' | 'corrupt';

  constructor(reason: 'truncated' | 'corrupt', message: string) {
    super(message);
    this.reason = reason;
  }
}

/** End of central directory record: the last thing in a complete ZIP (22 bytes + comment). */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_TAIL = EOCD_SIZE + 0xffff;

/**
 * The entries of a ZIP read as it streams (fflate's `Unzip`), in archive order, in constant
 * memory: each network chunk is inflated and handed on before the next is read, and only the
 * archive's last 64 KiB are kept, to check it ends with its central directory. An archive
 * that stops early, mid-entry or between entries, is `ArchiveError('truncated')`.
 */
export async function* unzipEntries(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<EntryBytes> {
  const pending: EntryBytes[] = [];
  let failure: unknown;
  let open = 0;
  const unzip = new Unzip((file) => {
    open += 1;
    file.ondata = (error, data, final) => {
      if (error) failure ??= error;
      else pending.push({ entry: file.name, data, final });
      if (final || error) open -= 1;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let tail: Uint8Array = new Uint8Array(0);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      failure ??= error;
    }
    if (failure !== undefined) {
      // Any error once the bytes ran out (fflate's "unexpected EOF", or inflate's "invalid
      // zip data" for a file cut mid-block) means the archive stopped early.
      const truncated = final;
      throw new ArchiveError(
        truncated ? 'truncated' : 'corrupt',
        truncated ? 'The archive ends in the middle of a file.' : `Not a readable ZIP: ${failure}`,
      );
    }
  };
  for await (const chunk of bytes) {
    push(chunk, false);
    yield* pending.splice(0);
    tail = keepTail(tail, chunk);
  }
  push(new Uint8Array(0), true);
  yield* pending.splice(0);
  if (open > 0) throw new ArchiveError('truncated', 'The archive ends in the middle of a file.');
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
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at -= 1) {
    if (
      view.getUint32(at, true) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + view.getUint16(at + 20, true) === tail.length
    ) {
      return true;
    }
  }
  return false;
}
