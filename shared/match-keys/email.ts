/**
 * A plausible address, after Meta's trim + lowercase:
 * - exactly one `@`, with something before it;
 * - a domain of at least two dot-separated labels, none empty, the last (the top-level
 *   domain) at least two characters long;
 * - no white space, control or invisible formatting characters, and none of the characters
 *   an unquoted address cannot hold (`<>()[]\,;:"`), anywhere;
 * - at most 254 characters in all (the longest address mail can deliver).
 * Everything else about the address is left as written: Meta matches on exactly what it
 * received, so no Gmail dot or `+tag` folding. The rule itself; `normalizeEmail` answers
 * most addresses faster, always the same (a property test holds it).
 */
export const PLAUSIBLE_EMAIL =
  /^[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:"]+@(?:[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]+\.)+[^\s\p{Cc}\p{Cf}@<>()[\]\\,;:".]{2,}$/u;

/**
 * The same rule for ASCII addresses without surrounding space (most real ones), decided in
 * one pass over a character table: `raw` when it is already lowercase, its lowercase when
 * capitals are all it needs, `undefined` when only the full rule can tell. Email is the key
 * of nearly every export; the regular expression this replaced
 * (`^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$`, then the top-level domain's length)
 * and a second check after lowercasing were a tenth of an export's match-key time.
 */
function asciiEmail(raw: string): string | undefined {
  const length = raw.length;
  let seen = 0;
  let at = 0;
  for (; at < length; at++) {
    const code = raw.charCodeAt(at);
    if (code === AT) break;
    const kind = CHARACTER_CLASS[code] ?? 0;
    if ((kind & LOCAL) === 0) return undefined;
    seen |= kind;
  }
  if (at === 0 || at === length) return undefined;
  let dots = 0;
  let label = 0;
  for (at++; at < length; at++) {
    const code = raw.charCodeAt(at);
    if (code === DOT) {
      if (label === 0) return undefined;
      dots++;
      label = 0;
      continue;
    }
    const kind = CHARACTER_CLASS[code] ?? 0;
    if ((kind & DOMAIN) === 0) return undefined;
    seen |= kind;
    label++;
  }
  if (dots === 0 || label < 2) return undefined;
  return (seen & CAPITAL) === 0 ? raw : raw.toLowerCase();
}

const AT = 64;
const DOT = 46;
/** Bits of `CHARACTER_CLASS`: allowed before the `@`, in a domain label, a capital letter. */
const LOCAL = 1;
const DOMAIN = 2;
const CAPITAL = 4;
/** ASCII only: any other character (code 128 and up) is outside the table, so in no class. */
const CHARACTER_CLASS = new Uint8Array(128);
for (const character of 'abcdefghijklmnopqrstuvwxyz0123456789-') {
  CHARACTER_CLASS[character.charCodeAt(0)] = LOCAL | DOMAIN;
}
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  CHARACTER_CLASS[character.charCodeAt(0)] = LOCAL | DOMAIN | CAPITAL;
}
for (const character of "._%+'") CHARACTER_CLASS[character.charCodeAt(0)] = LOCAL;

const MAX_LENGTH = 254;

export function normalizeEmail(raw: string): string | null {
  const ascii = raw.length <= MAX_LENGTH ? asciiEmail(raw) : undefined;
  if (ascii !== undefined) return ascii;
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_LENGTH) return null;
  return PLAUSIBLE_EMAIL.test(email) ? email : null;
}
