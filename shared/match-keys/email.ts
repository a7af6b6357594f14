/**
 * A plausible address, after Meta's trim + lowercase:
 * - exactly one `@`, with 1–64 characters before it;
 * - a domain of at least two dot-separated labels, none empty, 1–63 characters each, the
 *   last (the top-level domain) at least two characters;
 * - no white space, control or invisible formatting characters, and none of the characters
 *   an unquoted address cannot hold (`<>()[]\,;:"`), anywhere;
 * - at most 254 characters in all.
 * Everything else about the address is left as written: Meta matches on exactly what it
 * received, so no Gmail dot or `+tag` folding.
 */
const PLAUSIBLE_EMAIL =
  /^[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:"]{1,64}@(?:[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]{1,63}\.)+[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]{2,63}$/u;

const MAX_LENGTH = 254;

export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= MAX_LENGTH && PLAUSIBLE_EMAIL.test(email) ? email : null;
}
