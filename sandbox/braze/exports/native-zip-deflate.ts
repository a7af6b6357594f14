import { constants, deflateRawSync } from 'node:zlib';
import { ZipPassThrough } from 'fflate';

/**
 * A ZIP entry compressed by Node's native zlib instead of fflate's JavaScript deflate, which
 * was half the cost of an export. fflate supports this by subclassing ZipPassThrough. Each
 * chunk is deflated on its own and sync-flushed, so the chunks concatenate into one valid
 * DEFLATE stream (a chunk never refers back to an earlier one).
 */
export class NativeZipDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
    this.ondata(null, deflateRawSync(chunk, { level: 1, finishFlush }), final);
  }
}
