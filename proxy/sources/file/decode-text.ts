/**
 * At most this many bytes are decoded at a time. The readers after this parse a whole text
 * chunk before handing on its first row, so a chunk's rows all live until its last one is
 * done: small chunks keep that to a few hundred rows, which V8's young generation collects
 * instead of copying them around and growing itself (docs/benchmarks.md), and keep each
 * string out of V8's large-object space.
 */
const PIECE_BYTES = 16 * 1024;

/**
 * UTF-8 bytes as text chunks of at most 16 KiB, in constant memory: a character split between
 * two byte chunks is completed by the next one, a leading byte order mark is dropped, invalid
 * bytes become U+FFFD (the values they garble are then reported unusable, like any other bad
 * value). Stopping early cancels the stream, so an abandoned upload is not read to its end.
 */
export async function* decodeUtf8(
  bytes: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes instanceof ReadableStream ? iterate(bytes) : bytes) {
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const text = decoder.decode(chunk.subarray(at, at + PIECE_BYTES), { stream: true });
      if (text !== '') yield text;
    }
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The chunks of a byte stream; stopping early cancels it. */
export async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A stream that failed is already closed: its own error is the one worth throwing.
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
