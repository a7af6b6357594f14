import { parseArgs } from 'node:util';
import { rotateEncryptionKey, UnreadableSecretsError } from '../secrets/rotate-encryption-key.ts';
import type { Command } from './cli-context.ts';

export const rotateKey: Command = async (args, { services, now, out, err }) => {
  const { values } = parseArgs({ args, options: { 'forget-unreadable': { type: 'boolean' } } });
  try {
    const result = await rotateEncryptionKey({
      store: services.store,
      keyRing: services.keyRing,
      box: services.secretBox,
      now,
      forgetUnreadable: values['forget-unreadable'] ?? false,
    });
    out(`Re-encrypted ${result.reEncrypted} secret(s) under the new key ${result.kid}.`);
    if (result.retired.length > 0) out(`Retired key(s): ${result.retired.join(', ')}.`);
    for (const gone of result.forgotten) {
      out(`Deleted unreadable secret ${gone.workspaceId}/${gone.name}: reconnect that workspace.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UnreadableSecretsError)) throw error;
    err(error.message);
    return 1;
  }
};
