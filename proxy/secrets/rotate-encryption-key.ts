import type { RelayStore } from '../store/store.ts';
import { secretContext } from './encrypted-secrets.ts';
import type { KeyRing } from './key-ring.ts';
import type { SecretBox } from './secret-box.ts';

export interface RotationResult {
  kid: string;
  reEncrypted: number;
  retired: string[];
  /** Secrets that could not be opened (their relay secret is gone) and were deleted. */
  forgotten: { workspaceId: string; name: string }[];
}

interface UnreadableSecret {
  workspaceId: string;
  name: string;
  reason: string;
}

export class UnreadableSecretsError extends Error {
  override name = 'UnreadableSecretsError';
  readonly secrets: UnreadableSecret[];
  constructor(secrets: UnreadableSecret[]) {
    super(
      `${secrets.length} stored secret(s) cannot be decrypted with the configured relay secret(s):\n${secrets
        .map((secret) => `  ${secret.workspaceId}/${secret.name}: ${secret.reason}`)
        .join(
          '\n',
        )}\nSet RELAY_PREVIOUS_SECRET to the secret they were made with, or run rotate-key --forget-unreadable to delete them (their workspaces must then reconnect).`,
    );
    this.secrets = secrets;
  }
}

export interface RotationOptions {
  store: Pick<RelayStore, 'secrets' | 'encryptionKeys'>;
  keyRing: KeyRing;
  box: SecretBox;
  now?: () => Date;
  /** Delete secrets no configured relay secret can open instead of stopping. */
  forgetUnreadable?: boolean;
  batchSize?: number;
}

/**
 * Moves every stored secret to a fresh key id under the current relay secret. The old key ids
 * stay usable until every secret has moved; only then are they retired. New writes during the
 * rotation already use the new key (the store refuses writes under a non-active key).
 */
export async function rotateEncryptionKey({
  store,
  keyRing,
  box,
  now = () => new Date(),
  forgetUnreadable = false,
  batchSize = 100,
}: RotationOptions): Promise<RotationResult> {
  const kid = await keyRing.startNewKey();
  let reEncrypted = 0;
  const unreadable: UnreadableSecret[] = [];
  let after: { workspaceId: string; name: string } | undefined;
  for (;;) {
    const batch = await store.secrets.listSealedWithOtherKey(kid, batchSize, after);
    if (batch.length === 0) break;
    for (const sealed of batch) {
      const context = secretContext(sealed.workspaceId, sealed.name);
      let plaintext: string;
      try {
        plaintext = await box.decrypt(sealed.ciphertext, context);
      } catch (error) {
        unreadable.push({ ...sealed, reason: (error as Error).message });
        continue;
      }
      const next = await box.encrypt(plaintext, context);
      // A concurrent write already used the new key; nothing to move then.
      const moved = await store.secrets.replace(sealed, {
        ...sealed,
        kid: next.kid,
        ciphertext: next.jwe,
        updatedAt: now(),
      });
      if (moved) reEncrypted += 1;
    }
    const last = batch.at(-1);
    after = last && { workspaceId: last.workspaceId, name: last.name };
  }
  if (unreadable.length > 0 && !forgetUnreadable) throw new UnreadableSecretsError(unreadable);
  for (const secret of unreadable) await store.secrets.delete(secret.workspaceId, secret.name);
  const retired: string[] = [];
  for (const record of await store.encryptionKeys.list()) {
    if (record.kid === kid || record.retiredAt) continue;
    await store.encryptionKeys.retire(record.kid, now());
    retired.push(record.kid);
  }
  return {
    kid,
    reEncrypted,
    retired,
    forgotten: unreadable.map(({ workspaceId, name }) => ({ workspaceId, name })),
  };
}
