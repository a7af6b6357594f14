import { hyphenate } from '../ids.ts';
import { mix32 } from './random.ts';

/**
 * Reversible user identifiers. An id encodes (segment key, user index) plus a check, so the
 * emulator finds a user from an id without storing anyone: decode, then regenerate.
 */

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Eight hex digits of a 32-bit number (table lookups: ids are made for every exported user). */
const hex8 = (value: number) =>
  (BYTE_HEX[value >>> 24] as string) +
  BYTE_HEX[(value >>> 16) & 255] +
  BYTE_HEX[(value >>> 8) & 255] +
  BYTE_HEX[value & 255];
const check = (seedHash: number, segmentKey: number, index: number, kind: number) =>
  hex8(mix32(mix32(seedHash ^ segmentKey, index), kind)) +
  hex8(mix32(mix32(seedHash, index ^ kind), segmentKey));

export interface UserRef {
  segmentKey: number;
  index: number;
}

/** Braze ids look like Mongo ObjectIds: creation time, then (here) segment key and index. */
export function brazeId(createdSeconds: number, { segmentKey, index }: UserRef): string {
  return hex8(createdSeconds) + hex8(segmentKey) + hex8(index);
}

export function decodeBrazeId(id: string): UserRef | undefined {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  return {
    segmentKey: Number.parseInt(id.slice(8, 16), 16),
    index: Number.parseInt(id.slice(16), 16),
  };
}

/** UUID-shaped, masked so neighbours do not look alike; `kind` separates id families. */
export function maskedUuid(seedHash: number, kind: number, { segmentKey, index }: UserRef): string {
  const masked = hex8(segmentKey ^ mix32(seedHash, kind)) + hex8(index ^ mix32(seedHash, ~kind));
  return hyphenate(masked + check(seedHash, segmentKey, index, kind));
}

export function decodeMaskedUuid(seedHash: number, kind: number, id: string): UserRef | undefined {
  const hex = id.toLowerCase().replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  const segmentKey = (Number.parseInt(hex.slice(0, 8), 16) ^ mix32(seedHash, kind)) >>> 0;
  const index = (Number.parseInt(hex.slice(8, 16), 16) ^ mix32(seedHash, ~kind)) >>> 0;
  const expected = maskedUuid(seedHash, kind, { segmentKey, index }).toLowerCase();
  return expected === id.toLowerCase() ? { segmentKey, index } : undefined;
}

/** Six decimal digits that end a user's phone number and email local part. */
const CODE_SPACE = 1_000_000;
const MULTIPLIER = 740_671; // coprime with 10^6, so the code is a permutation of index mod 10^6
const INVERSE = modularInverse(MULTIPLIER, CODE_SPACE);

export function userCode({ segmentKey, index }: UserRef): number {
  return ((index % CODE_SPACE) * MULTIPLIER + (segmentKey % CODE_SPACE)) % CODE_SPACE;
}

/** Every index below `size` of the segment whose code is `code`. */
export function indexesForCode(segmentKey: number, code: number, size: number): number[] {
  if (!Number.isInteger(code) || code < 0 || code >= CODE_SPACE) return [];
  const shifted = (code - (segmentKey % CODE_SPACE) + CODE_SPACE) % CODE_SPACE;
  const indexes: number[] = [];
  for (let index = (shifted * INVERSE) % CODE_SPACE; index < size; index += CODE_SPACE) {
    indexes.push(index);
  }
  return indexes;
}

function modularInverse(value: number, modulus: number): number {
  let [oldR, r] = [value, modulus];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const quotient = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}
