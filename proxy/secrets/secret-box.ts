import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { KeyRing } from './key-ring.ts';

/** A sealed value: a compact JWE (`dir` + `A256GCM`) and the key id it names. */
export interface Sealed {
  kid: string;
  jwe: string;
}

/**
 * Encrypts secrets at rest. `context` (e.g. `<workspace id>/<secret name>`) is bound into the
 * JWE's authenticated header, so a ciphertext copied to another row or workspace will not open.
 */
export interface SecretBox {
  encrypt(plaintext: string, context: string): Promise<Sealed>;
  decrypt(jwe: string, context: string): Promise<string>;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export function createSecretBox(keyRing: KeyRing): SecretBox {
  return {
    async encrypt(plaintext, context) {
      const { kid, key } = await keyRing.active();
      const jwe = await new CompactEncrypt(new TextEncoder().encode(plaintext))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, ctx: context })
        .encrypt(key);
      return { kid, jwe };
    },
    async decrypt(jwe, context) {
      const header = decodeProtectedHeader(jwe);
      if (typeof header.kid !== 'string') throw new SecretBoxError('Sealed secret has no kid.');
      if (header.ctx !== context) {
        throw new SecretBoxError(`Sealed secret belongs to "${header.ctx}", not "${context}".`);
      }
      const { plaintext } = await compactDecrypt(jwe, await keyRing.key(header.kid), {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      return new TextDecoder().decode(plaintext);
    },
  };
}
