/**
 * A plausible address, after Meta's trim + lowercase:
 * - exactly one `@`, with something before it;
 * - a domain of at least two dot-separated labels, none empty, the last (the top-level
 *   domain) at least two characters long;
 * - no white space, control or invisible formatting characters, and none of the characters
 *   an unquoted address cannot hold (`<>()[]\,;:"`), anywhere;
 * - at most 254 characters in all (the longest address mail can deliver).
 * Everything else about the address is left as written: Meta matches on exactly what it
 * received, so no Gmail dot or `+tag` folding.
 */
const PLAUSIBLE_EMAIL =
  /^[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:"]+@(?:[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]+\.)+[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]{2,}$/u;

/**
 * The same rule restricted to lowercase ASCII without surrounding space: most real addresses,
 * recognised in one pass that leaves them as they are. Email is the key of nearly every
 * export, and trimming and lowercasing copies cost as much as the check itself.
 */
const ALREADY_NORMALIZED_EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const DOT = 46;

/** The fast pattern leaves the top-level domain's length to this cheaper test. */
function isAlreadyNormalized(email: string): boolean {
  return ALREADY_NORMALIZED_EMAIL.test(email) && email.charCodeAt(email.length - 2) !== DOT;
}

const MAX_LENGTH = 254;

export function normalizeEmail(raw: string): string | null {
  if (raw.length <= MAX_LENGTH && isAlreadyNormalized(raw)) return raw;
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_LENGTH) return null;
  return isAlreadyNormalized(email) || PLAUSIBLE_EMAIL.test(email) ? email : null;
}
