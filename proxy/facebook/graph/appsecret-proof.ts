import { createHmac } from 'node:crypto';

/**
 * The parameters that sign a call made with `accessToken`, in Meta's time-stamped form
 * (Login Security page, reference §1.10): `appsecret_proof` = HMAC-SHA256 keyed with the app
 * secret over `<token>|<unix seconds>`, lowercase hex, sent with that `appsecret_time`.
 *
 * Chosen over the classic untimed form because it is the form Meta's current page documents
 * and a proof that leaks (in a proxy log, say) is worthless after 5 minutes. The price: the
 * relay's clock must stay within a few minutes of Meta's.
 */
export function appsecretProofParams(
  appSecret: string,
  accessToken: string,
  now: Date,
): { appsecret_proof: string; appsecret_time: string } {
  const time = Math.floor(now.getTime() / 1000);
  const proof = createHmac('sha256', appSecret).update(`${accessToken}|${time}`).digest('hex');
  return { appsecret_proof: proof, appsecret_time: String(time) };
}
