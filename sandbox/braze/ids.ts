import { createHash } from 'node:crypto';

/** Hex digest of `seed` and `labels`: every id the emulator shows is a pure function of its seed. */
export function deriveHex(seed: string, labels: readonly (string | number)[], length = 24): string {
  let hex = '';
  for (let round = 0; hex.length < length; round += 1) {
    hex += createHash('sha256')
      .update([seed, ...labels, round].join('\u0000'))
      .digest('hex');
  }
  return hex.slice(0, length);
}

/** Groups 32 hex digits 8-4-4-4-12 (one template, no array: ids are made for every exported user). */
export function hyphenate(hex32: string): string {
  return `${hex32.slice(0, 8)}-${hex32.slice(8, 12)}-${hex32.slice(12, 16)}-${hex32.slice(16, 20)}-${hex32.slice(20, 32)}`;
}

/** Formats 32 hex digits as a version-4-shaped UUID, like Braze's API identifiers. */
export function formatUuid(hex32: string): string {
  const variant = ((Number.parseInt(hex32.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return hyphenate(`${hex32.slice(0, 12)}4${hex32.slice(13, 16)}${variant}${hex32.slice(17)}`);
}

/** A deterministic UUID for `labels` under `seed`. */
export function deriveUuid(seed: string, labels: readonly (string | number)[]): string {
  return formatUuid(deriveHex(seed, labels, 32));
}
