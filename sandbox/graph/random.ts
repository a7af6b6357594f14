/**
 * Seeded randomness for everything the emulator invents (ids, tokens, codes, trace ids), so
 * a world built from the same seed answers the same way run after run.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A numeric id of `length` digits that never starts with 0, like Meta's object ids. */
  digits(length: number): string;
  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet?: string): string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: tiny, fast and good enough for ids; not for secrets that guard anything real. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chars = (length: number, alphabet = ALPHANUMERIC) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    next,
    chars,
    digits: (length) => chars(1, '123456789') + chars(length - 1, '0123456789'),
  };
}
