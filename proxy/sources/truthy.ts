const TRUE_WORDS = new Set(['true', 'yes', '1']);

/**
 * Whether a flag or attribute says yes: `true`, `1`, or the text `true`, `yes` or `1` in any
 * case. Anything else (false, 0, "no", "", null, a missing value) is no: consent is never assumed.
 */
export function isTruthy(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && TRUE_WORDS.has(value.trim().toLowerCase());
}
