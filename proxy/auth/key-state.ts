import type { ApiKeyRecord } from '../store/api-keys.ts';

export type KeyState = 'active' | 'revoked' | 'expired';

/** Whether a key still opens its workspace at `now`. */
export function keyState(key: Pick<ApiKeyRecord, 'revokedAt' | 'expiresAt'>, now: Date): KeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'expired';
  return 'active';
}
