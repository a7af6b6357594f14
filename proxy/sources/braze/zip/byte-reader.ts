const EMPTY = new Uint8Array(0);

/**
 * An async byte source read as a parser needs it: it looks ahead (`peek`, `chunk`) and then
 * consumes what it used (`skip`), so bytes read past the end of one record stay for the
 * next. It buffers at most what was asked for plus one source chunk.
 */
export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>;
  #buffer: Uint8Array = EMPTY;
  #ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** True once the source has no more bytes (some may still be buffered). */
  get ended(): boolean {
    return this.#ended;
  }

  /** The unread bytes, at least `length` of them unless the source ended first. */
  async peek(length: number): Promise<Uint8Array> {
    while (this.#buffer.length < length && (await this.#pull()));
    return this.#buffer;
  }

  /** The unread bytes, or the source's next chunk; empty only at the end. */
  chunk(): Promise<Uint8Array> {
    return this.peek(1);
  }

  skip(length: number): void {
    this.#buffer = this.#buffer.subarray(length);
  }

  /** Stops the source (a download is cancelled) when the reader is left early. */
  async close(): Promise<void> {
    if (!this.#ended) await this.#source.return?.();
  }

  async #pull(): Promise<boolean> {
    while (!this.#ended) {
      const next = await this.#source.next();
      if (next.done) {
        this.#ended = true;
        break;
      }
      if (next.value.length === 0) continue;
      this.#buffer = this.#buffer.length === 0 ? next.value : concat(this.#buffer, next.value);
      return true;
    }
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
