import { describe, expect, it } from 'vitest';
import { appsecretProof, checkProof } from '../../../../sandbox/graph/appsecret-proof.ts';

const SECRET = 'app_secret_example';
const TOKEN = 'EAAtoken_example';
const NOW = 1_788_264_000;

describe('appsecretProof', () => {
  it('matches the worked example of reference §1.10', () => {
    expect(appsecretProof(SECRET, TOKEN)).toBe(
      'a8ddd7a8067833effe273e5ef155ebf597977a99179e527e6d896041152f2176',
    );
  });

  it('signs token|time in the time-stamped form', () => {
    expect(appsecretProof(SECRET, TOKEN, NOW)).not.toBe(appsecretProof(SECRET, TOKEN));
    expect(appsecretProof(SECRET, TOKEN, NOW)).toBe(appsecretProof(SECRET, `${TOKEN}|${NOW}`));
  });
});

describe('checkProof', () => {
  it('accepts both forms', () => {
    expect(checkProof(SECRET, TOKEN, appsecretProof(SECRET, TOKEN), undefined, NOW)).toBe('ok');
    const timed = appsecretProof(SECRET, TOKEN, NOW - 300);
    expect(checkProof(SECRET, TOKEN, timed, String(NOW - 300), NOW)).toBe('ok');
    expect(checkProof(SECRET, TOKEN, timed, NOW - 300, NOW)).toBe('ok');
  });

  it('expires time-stamped proofs after five minutes, and refuses far-future stamps', () => {
    const old = appsecretProof(SECRET, TOKEN, NOW - 301);
    expect(checkProof(SECRET, TOKEN, old, String(NOW - 301), NOW)).toBe('expired');
    const future = appsecretProof(SECRET, TOKEN, NOW + 61);
    expect(checkProof(SECRET, TOKEN, future, String(NOW + 61), NOW)).toBe('expired');
  });

  it('tells missing from invalid', () => {
    expect(checkProof(SECRET, TOKEN, undefined, undefined, NOW)).toBe('missing');
    expect(checkProof(SECRET, TOKEN, '', undefined, NOW)).toBe('missing');
    expect(checkProof(SECRET, TOKEN, undefined, String(NOW), NOW)).toBe('invalid');
    expect(checkProof(SECRET, TOKEN, appsecretProof('other', TOKEN), undefined, NOW)).toBe(
      'invalid',
    );
    expect(checkProof(SECRET, TOKEN, 'XYZ', undefined, NOW)).toBe('invalid');
    expect(
      checkProof(SECRET, TOKEN, appsecretProof(SECRET, TOKEN).toUpperCase(), undefined, NOW),
    ).toBe('invalid');
    const timed = appsecretProof(SECRET, TOKEN, NOW);
    expect(checkProof(SECRET, TOKEN, timed, 'soon', NOW)).toBe('invalid');
    expect(checkProof(SECRET, TOKEN, timed, String(NOW - 1), NOW)).toBe('invalid');
  });
});
