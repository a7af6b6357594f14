import { createHmac, timingSafeEqual } from 'node:crypto';

/** Time-stamped proofs expire after 5 minutes (reference §1.10). */
export const PROOF_LIFETIME_SECONDS = 300;

/**
 * `appsecret_proof` as Meta defines it: HMAC-SHA256 keyed with the app secret over the token
 * (classic form) or over `token|time` (time-stamped form), lowercase hex.
 */
export function appsecretProof(appSecret: string, accessToken: string, time?: number): string {
  const message = time === undefined ? accessToken : `${accessToken}|${time}`;
  return createHmac('sha256', appSecret).update(message).digest('hex');
}

export type ProofCheck = 'ok' | 'missing' | 'invalid' | 'expired';

/** Checks a proof (and its optional `appsecret_time`, unix seconds) against the secret. */
export function checkProof(
  appSecret: string,
  accessToken: string,
  proof: unknown,
  time: unknown,
  nowSeconds: number,
): ProofCheck {
  if (proof === undefined || proof === '') return time === undefined ? 'missing' : 'invalid';
  if (typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) return 'invalid';
  let stamp: number | undefined;
  if (time !== undefined) {
    stamp = typeof time === 'string' && /^\d+$/.test(time) ? Number(time) : Number.NaN;
    if (typeof time === 'number' && Number.isInteger(time)) stamp = time;
    if (!Number.isSafeInteger(stamp)) return 'invalid';
  }
  const expected = Buffer.from(appsecretProof(appSecret, accessToken, stamp), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(proof, 'hex'))) return 'invalid';
  // A stamp from the future beyond a minute of clock skew is as suspect as an old one.
  if (
    stamp !== undefined &&
    (nowSeconds - stamp > PROOF_LIFETIME_SECONDS || stamp - nowSeconds > 60)
  ) {
    return 'expired';
  }
  return 'ok';
}
