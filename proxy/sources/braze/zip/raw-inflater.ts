import { createInflateRaw } from 'node:zlib';

/**
 * `node:zlib`'s raw inflate, fed one chunk at a time, that says where the DEFLATE stream
 * ends. zlib stops consuming input at the end of the final block, and Node adds to
 * `bytesWritten` exactly what zlib consumed on each call (its avail_in before minus after),
 * then ends the readable side when input is left over. So after a write has been processed
 * (its callback), the bytes of it not counted are the ones after the stream: no signature
 * scanning. A stream ending exactly at a chunk's end shows on the next write, which
 * consumes nothing.
 */
export class RawInflater {
  readonly #zlib = createInflateRaw();
  readonly #output: Uint8Array[] = [];
  readonly #ended: Promise<void>;
  /** Rejects with zlib's error: on bad data it destroys the stream without calling back. */
  readonly #failed: Promise<never>;

  constructor() {
    this.#zlib.on('data', (piece: Uint8Array) => this.#output.push(piece));
    this.#failed = new Promise((_, reject) => this.#zlib.once('error', reject));
    this.#failed.catch(() => {});
    this.#ended = new Promise((resolve) => this.#zlib.once('end', resolve));
  }

  /** Inflates `chunk`; resolves to how many of its bytes were part of the DEFLATE stream. */
  async write(chunk: Uint8Array): Promise<number> {
    const before = this.#zlib.bytesWritten;
    const written = new Promise<void>((resolve, reject) => {
      this.#zlib.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
    await Promise.race([written, this.#failed]);
    return this.#zlib.bytesWritten - before;
  }

  /** The bytes inflated since the last call. */
  take(): Uint8Array[] {
    return this.#output.splice(0);
  }

  /**
   * Resolves once every inflated byte was handed out. `noMoreInput` when the input ran out
   * before the stream was seen to end: zlib then rejects an incomplete stream.
   */
  async finish(noMoreInput: boolean): Promise<void> {
    if (noMoreInput) this.#zlib.end();
    await Promise.race([this.#ended, this.#failed]);
  }

  destroy(): void {
    this.#zlib.destroy();
  }
}
