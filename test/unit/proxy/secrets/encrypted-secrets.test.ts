import { describe, expect, it } from 'vitest';
import { createEncryptedSecrets } from '../../../../proxy/secrets/encrypted-secrets.ts';
import type { SecretBox } from '../../../../proxy/secrets/secret-box.ts';
import type { SealedSecret, SecretRepository } from '../../../../proxy/store/secrets.ts';

/** A box that "encrypts" by tagging, with the key id changing as a rotation would. */
function fakeBox(kids: string[]): SecretBox {
  return {
    async encrypt(plaintext, context) {
      const kid = kids.length > 1 ? (kids.shift() as string) : (kids[0] as string);
      return { kid, jwe: `${kid}|${context}|${plaintext}` };
    },
    async decrypt(jwe, context) {
      const [, sealedFor, plaintext] = jwe.split('|');
      if (sealedFor !== context) throw new Error('wrong context');
      return plaintext ?? '';
    },
  };
}

function memoryRepository(
  activeKid: () => string,
): SecretRepository & { rows: Map<string, SealedSecret> } {
  const rows = new Map<string, SealedSecret>();
  const id = (workspaceId: string, name: string) => `${workspaceId}/${name}`;
  return {
    rows,
    async put(sealed) {
      if (sealed.kid !== activeKid()) return false;
      rows.set(id(sealed.workspaceId, sealed.name), sealed);
      return true;
    },
    async get(workspaceId, name) {
      return rows.get(id(workspaceId, name));
    },
    async delete(workspaceId, name) {
      return rows.delete(id(workspaceId, name));
    },
    listSealedWithOtherKey: async () => [],
    replace: async () => false,
  };
}

describe('encrypted secrets', () => {
  it('seal again when a rotation switched the key between sealing and writing', async () => {
    const repository = memoryRepository(() => 'k_new');
    const secrets = createEncryptedSecrets({ repository, box: fakeBox(['k_old', 'k_new']) });
    await secrets.put('ws_a', 'token', 'EAAtoken');
    expect(repository.rows.get('ws_a/token')?.kid).toBe('k_new');
    expect(await secrets.get('ws_a', 'token')).toBe('EAAtoken');
  });

  it('give up rather than loop if the key never settles', async () => {
    const repository = memoryRepository(() => 'k_other');
    const secrets = createEncryptedSecrets({ repository, box: fakeBox(['k_1']) });
    await expect(secrets.put('ws_a', 'token', 'EAAtoken')).rejects.toThrow(/kept changing/);
  });

  it('bind each ciphertext to its workspace and name', async () => {
    const repository = memoryRepository(() => 'k_1');
    const secrets = createEncryptedSecrets({ repository, box: fakeBox(['k_1']) });
    await secrets.put('ws_a', 'token', 'EAAtoken');
    const stolen = repository.rows.get('ws_a/token');
    repository.rows.set('ws_b/token', { ...(stolen as SealedSecret), workspaceId: 'ws_b' });
    await expect(secrets.get('ws_b', 'token')).rejects.toThrow(/wrong context/);
  });
});
