import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_EMAIL } from '../../../shared/match-keys/email.ts';
import { normalizeMatchKey } from '../../../shared/match-keys.ts';

const email = (raw: string) => normalizeMatchKey('EMAIL', raw);

describe('EMAIL', () => {
  it.each([
    ['Mary@Example.COM', 'mary@example.com'],
    ['  mary@example.com\t\n', 'mary@example.com'],
    ['\ufeffmary@example.com', 'mary@example.com'],
    ['\u00a0mary@example.com\u2003', 'mary@example.com'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['john..doe@gmail.com', 'john..doe@gmail.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['ÉLISE@EXEMPLE.FR', 'élise@exemple.fr'],
    ['用户@例子.广告', '用户@例子.广告'],
    ['user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
    [`${'a'.repeat(80)}@example.com`, `${'a'.repeat(80)}@example.com`],
    ['a@b.co', 'a@b.co'],
  ])('%j → %j (trimmed, lowercased, otherwise as written)', (raw, normalized) => {
    expect(email(raw)).toBe(normalized);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['mary', 'no @'],
    ['mary@', 'no domain'],
    ['@example.com', 'no local part'],
    ['mary@@example.com', 'two @'],
    ['mary@example@com', 'two @, apart'],
    ['mary@localhost', 'a domain without a dot'],
    ['mary@example.', 'an empty top-level domain'],
    ['mary@.example.com', 'an empty first label'],
    ['mary@example..com', 'an empty label inside'],
    ['mary@example.c', 'a one-letter top-level domain'],
    ['mary smith@example.com', 'a space inside'],
    ['mary@exa mple.com', 'a space in the domain'],
    ['mary\u200b@example.com', 'an invisible zero-width space'],
    ['mary\u0000@example.com', 'a control character'],
    ['Mary <mary@example.com>', 'a display name'],
    ['mary@example.com, bob@example.com', 'a list'],
    ['mary@example.com;bob@example.com', 'a list without spaces'],
    ['"mary"@example.com', 'a quoted local part'],
    ['mary@[192.168.0.1]', 'an address literal'],
    ['mary.o@example.c', 'a one-letter top-level domain, lowercase already'],
    ['mary@example..com ', 'an empty label, with a space to trim'],
    [`mary@${'abcdefghi.'.repeat(25)}com`, 'over 254 characters in all'],
    [`MARY@${'abcdefghi.'.repeat(25)}com`, 'over 254 characters, in capitals'],
  ])('%j is unusable: %s', (raw) => {
    expect(email(raw)).toBeNull();
  });
});

/** The rule as docs/match-keys.md states it, without any fast path. */
function reference(raw: string): string | null {
  const normalized = raw.trim().toLowerCase();
  return normalized.length <= 254 && PLAUSIBLE_EMAIL.test(normalized) ? normalized : null;
}

/** Every printable ASCII character, and a few beyond. */
const PRINTABLE = [
  ...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)),
  ...['\t', '\u007f', 'é', 'É', '\u00a0', '\u200b'],
];

/** Text mostly of `usual` characters, now and then any other. */
const textOf = (usual: string) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...usual) },
        { weight: 1, arbitrary: fc.constantFrom(...PRINTABLE) },
      ),
      { maxLength: 8 },
    )
    .map((characters) => characters.join(''));

/** Address-shaped strings, each part now and then holding a character it should not. */
const emailLike = fc
  .tuple(textOf("az09._%+'-"), fc.array(textOf('az09-'), { minLength: 1, maxLength: 3 }))
  .map(([local, labels]) => `${local}@${labels.join('.')}`);

describe('EMAIL fast path', () => {
  it('equals the rule without a fast path, on any string', () => {
    const anything = fc.oneof(
      fc.emailAddress(),
      emailLike,
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'grapheme' }),
      fc
        .emailAddress()
        .map((address) => `${address}${'a'.repeat(Math.max(0, 250 - address.length))}`),
    );
    fc.assert(
      fc.property(anything, (raw) => {
        expect(email(raw)).toBe(reference(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the full rule, which padded capitals force', () => {
    const ascii = fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary-ascii' }));
    fc.assert(
      fc.property(ascii, (raw) => {
        expect(email(raw)).toBe(email(` ${raw.toUpperCase()}\t`));
      }),
      { numRuns: 2000 },
    );
  });
});
