/** Text as a byte stream cut into chunks of the given sizes (the last size repeats). */
export function byteStream(text: string | Uint8Array, sizes: readonly number[] = [64 * 1024]) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return chunkedStream(bytes, cutPoints(bytes.length, sizes));
}

/** `bytes` as a stream cut at the given offsets (sorted, within the length). */
export function chunkedStream(
  bytes: Uint8Array,
  cuts: readonly number[],
): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next + 1 >= bounds.length) return controller.close();
      controller.enqueue(bytes.slice(bounds[next], bounds[next + 1]));
      next++;
    },
  });
}

function cutPoints(length: number, sizes: readonly number[]): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (let index = 0; at < length; index++) {
    at += Math.max(1, sizes[Math.min(index, sizes.length - 1)] ?? 1);
    cuts.push(at);
  }
  return cuts;
}

/**
 * `text` cut at arbitrary points (taken modulo its length, so any numbers a property test
 * draws will do): the chunks, in order, join back to `text`.
 */
export function cutText(text: string, points: readonly number[]): string[] {
  const cuts = [...new Set(points.map((point) => point % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...cuts].map((from, index) => text.slice(from, [...cuts, text.length][index]));
}
