import { createHash } from 'node:crypto';
import { seededRandom } from '../../seeded-random.ts';

/** 32-bit avalanche mix of two words (murmur3's finalizer): nearby inputs give unrelated outputs. */
export function mix32(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit number for a string (seed, segment id), stable across runs and machines. */
export function hash32(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [0, n). */
  int(n: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key of a table made by `weights()`. */
  weighted<K extends string>(table: WeightTable<K>): K;
  /** `count` random decimal digits. */
  digits(count: number): string;
  /** `count` random lowercase hex digits. */
  hex(count: number): string;
}

/** One instance per (user, field group). */
export function createRandom(state: number): Random {
  const next = seededRandom(state);
  const int = (n: number) => Math.floor(next() * n);
  const repeat = (count: number, radix: number) => {
    let out = '';
    for (let i = 0; i < count; i += 1) out += int(radix).toString(radix);
    return out;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    weighted<K extends string>({ keys, bounds }: WeightTable<K>): K {
      const roll = next() * (bounds.at(-1) ?? 0);
      for (let i = 0; i < bounds.length - 1; i += 1) {
        if (roll < (bounds[i] as number)) return keys[i] as K;
      }
      return keys.at(-1) as K;
    },
    digits: (count) => repeat(count, 10),
    hex: (count) => repeat(count, 16),
  };
}

export interface WeightTable<K extends string> {
  keys: readonly K[];
  /** Running totals of the weights. */
  bounds: readonly number[];
}

/** Prepares weights (which need not sum to 1) once, so drawing is a short scan. */
export function weights<K extends string>(table: Readonly<Record<K, number>>): WeightTable<K> {
  const keys = Object.keys(table) as K[];
  let total = 0;
  return { keys, bounds: keys.map((key) => (total += table[key])) };
}
