import { seededRandom } from '../seeded-random.ts';

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

export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
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
