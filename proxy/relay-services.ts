import { createSessionTokens, type SessionTokens } from './auth/session-token.ts';
import type { RelayConfig } from './config.ts';
import { deriveKey } from './secrets/derive-key.ts';
import { createEncryptedSecrets, type EncryptedSecrets } from './secrets/encrypted-secrets.ts';
import { createKeyRing, type KeyRing } from './secrets/key-ring.ts';
import { type RelaySecrets, resolveRelaySecrets } from './secrets/relay-secret.ts';
import { createSecretBox, type SecretBox } from './secrets/secret-box.ts';
import { openSqliteStore } from './store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from './store/store.ts';

/** What the server and the CLI share: the migrated store and the keys derived from the secret. */
export interface RelayServices {
  store: RelayStore;
  relaySecrets: RelaySecrets;
  keyRing: KeyRing;
  secretBox: SecretBox;
  /** Workspace secrets by name, encrypted at rest: what feature code stores tokens with. */
  secrets: EncryptedSecrets;
  sessions: SessionTokens;
  close(): Promise<void>;
}

export type ServicesConfig = Pick<RelayConfig, 'dataDir' | 'relaySecret' | 'previousRelaySecret'>;

/** Opens the store (running migrations) and derives every key from the relay secret. */
export function openRelayServices(
  config: ServicesConfig,
  { now = () => new Date() }: { now?: () => Date } = {},
): RelayServices {
  const relaySecrets = resolveRelaySecrets({
    dataDir: config.dataDir,
    secret: config.relaySecret,
    previousSecret: config.previousRelaySecret,
  });
  const store = openSqliteStore({ dataDir: config.dataDir, now });
  const keyRing = createKeyRing({ keys: store.encryptionKeys, secrets: relaySecrets, now });
  const secretBox = createSecretBox(keyRing);
  return {
    store,
    relaySecrets,
    keyRing,
    secretBox,
    secrets: createEncryptedSecrets({ repository: store.secrets, box: secretBox, now }),
    sessions: createSessionTokens({
      signingKey: deriveKey(relaySecrets.current, 'session-jwt'),
      now,
    }),
    close: () => store.close(),
  };
}
