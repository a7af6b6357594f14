import type { SecretRepository } from '../store/secrets.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * Workspace secrets (Facebook tokens, Braze REST keys, …) by name, encrypted at rest. This is
 * what feature code uses; it never sees a ciphertext or a key.
 */
export interface EncryptedSecrets {
  put(workspaceId: string, name: string, value: string): Promise<void>;
  get(workspaceId: string, name: string): Promise<string | undefined>;
  delete(workspaceId: string, name: string): Promise<boolean>;
}

export interface EncryptedSecretsOptions {
  repository: SecretRepository;
  box: SecretBox;
  now?: () => Date;
}

/** Binds each ciphertext to its row, so it cannot be replayed under another workspace or name. */
export const secretContext = (workspaceId: string, name: string) => `${workspaceId}/${name}`;

export function createEncryptedSecrets({
  repository,
  box,
  now = () => new Date(),
}: EncryptedSecretsOptions): EncryptedSecrets {
  return {
    async put(workspaceId, name, value) {
      // A rotation may switch the active key between sealing and writing: seal again then.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { kid, jwe } = await box.encrypt(value, secretContext(workspaceId, name));
        const written = await repository.put({
          workspaceId,
          name,
          kid,
          ciphertext: jwe,
          updatedAt: now(),
        });
        if (written) return;
      }
      throw new Error('The encryption key kept changing while storing a secret; try again.');
    },
    async get(workspaceId, name) {
      const sealed = await repository.get(workspaceId, name);
      return sealed && box.decrypt(sealed.ciphertext, secretContext(workspaceId, name));
    },
    delete: (workspaceId, name) => repository.delete(workspaceId, name),
  };
}
