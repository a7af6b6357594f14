import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File the generated relay secret lives in when `RELAY_SECRET` is not set. */
export const RELAY_SECRET_FILE = 'relay-secret';

/** The key material every other relay key is derived from. */
export interface RelaySecrets {
  current: string;
  /** The secret before a change, kept only until `rotate-key` has moved everything off it. */
  previous?: string;
  /** Where `current` came from, for the start-up log line. */
  source: 'environment' | 'generated' | 'file';
  /** Problems worth a warning (e.g. a secret file others can read). */
  warnings: string[];
}

export interface RelaySecretOptions {
  dataDir: string;
  /** `RELAY_SECRET`; when absent the secret is generated once into the data directory. */
  secret?: string;
  /** `RELAY_PREVIOUS_SECRET`. */
  previousSecret?: string;
  random?: (bytes: number) => Buffer;
}

/**
 * Returns the configured relay secret, or the one generated into `<dataDir>/relay-secret`
 * (created on first use with 0600 permissions and reused ever after, so `npm start` needs no
 * configuration).
 */
export function resolveRelaySecrets({
  dataDir,
  secret,
  previousSecret,
  random = randomBytes,
}: RelaySecretOptions): RelaySecrets {
  const previous = previousSecret ? { previous: previousSecret } : {};
  if (secret) return { current: secret, ...previous, source: 'environment', warnings: [] };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, RELAY_SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so two processes starting together keep one secret.
    writeFileSync(file, `${random(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    return { current: readSecretFile(file), ...previous, source: 'generated', warnings: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const warnings =
    (statSync(file).mode & 0o077) === 0
      ? []
      : [`${file} can be read by other users of this machine; run: chmod 600 ${file}`];
  return { current: readSecretFile(file), ...previous, source: 'file', warnings };
}

function readSecretFile(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds no usable relay secret (32 characters or more expected).`);
  }
  return secret;
}
