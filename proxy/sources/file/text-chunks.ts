/** Marks the end of the input for parsers that must complete a last line without a break. */
export const END = Symbol('end of input');

/** `chunks`, then `END`. */
export async function* withEnd(chunks: AsyncIterable<string>): AsyncGenerator<string | typeof END> {
  yield* chunks;
  yield END;
}

/**
 * `first`, then what `rest` still holds: for readers that looked at the start of the input
 * before choosing how to parse it. Stopping early stops `rest` too.
 */
export async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (first !== '') yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
