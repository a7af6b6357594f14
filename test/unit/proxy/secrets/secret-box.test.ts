import { decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyRing } from '../../../../proxy/secrets/key-ring.ts';
import { createSecretBox } from '../../../../proxy/secrets/secret-box.ts';
import { openSqliteStore } from '../../../../proxy/store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from '../../../../proxy/store/store.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';

const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeTempDirs();
});

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);

function boxes() {
  const store = openSqliteStore({ dataDir: tempDir() });
  stores.push(store);
  const open = (secrets: { current: string; previous?: string }) => {
    const keyRing = createKeyRing({ keys: store.encryptionKeys, secrets });
    return { keyRing, box: createSecretBox(keyRing) };
  };
  return { store, open };
}

describe('SecretBox', () => {
  it('seals into a dir + A256GCM JWE naming its key id, and opens it again', async () => {
    const { open } = boxes();
    const { box } = open({ current: OLD });
    const { kid, jwe } = await box.encrypt('EAAtoken', 'ws_a/facebook');
    expect(decodeProtectedHeader(jwe)).toMatchObject({
      alg: 'dir',
      enc: 'A256GCM',
      kid,
      ctx: 'ws_a/facebook',
    });
    expect(jwe).not.toContain('EAAtoken');
    expect(await box.decrypt(jwe, 'ws_a/facebook')).toBe('EAAtoken');
  });

  it('will not open a secret moved to another workspace or name', async () => {
    const { open } = boxes();
    const { box } = open({ current: OLD });
    const { jwe } = await box.encrypt('EAAtoken', 'ws_a/facebook');
    await expect(box.decrypt(jwe, 'ws_b/facebook')).rejects.toThrow(/belongs to "ws_a\/facebook"/);
  });

  it('will not open a tampered ciphertext', async () => {
    const { open } = boxes();
    const { box } = open({ current: OLD });
    const { jwe } = await box.encrypt('EAAtoken', 'ctx');
    const parts = jwe.split('.');
    parts[3] = Buffer.from('EAAother').toString('base64url');
    await expect(box.decrypt(parts.join('.'), 'ctx')).rejects.toThrow();
  });

  it('opens secrets of the previous relay secret, and says when a secret is unknown', async () => {
    const { open } = boxes();
    const { jwe } = await open({ current: OLD }).box.encrypt('EAAtoken', 'ctx');
    const withPrevious = open({ current: NEW, previous: OLD });
    expect(await withPrevious.box.decrypt(jwe, 'ctx')).toBe('EAAtoken');
    await expect(open({ current: NEW }).box.decrypt(jwe, 'ctx')).rejects.toThrow(
      /RELAY_PREVIOUS_SECRET/,
    );
  });
});

describe('key ring', () => {
  it('reports key ids not made by the current relay secret', async () => {
    const { open } = boxes();
    const first = open({ current: OLD });
    const { kid } = await first.keyRing.active();
    expect(await first.keyRing.staleKids()).toEqual({ previousSecret: [], unreadable: [] });
    expect(await open({ current: NEW, previous: OLD }).keyRing.staleKids()).toEqual({
      previousSecret: [kid],
      unreadable: [],
    });
    expect(await open({ current: NEW }).keyRing.staleKids()).toEqual({
      previousSecret: [],
      unreadable: [kid],
    });
  });

  it('switches every box to a new key at once, across processes sharing the store', async () => {
    const { open } = boxes();
    const server = open({ current: OLD });
    const cli = open({ current: OLD });
    const before = (await server.keyRing.active()).kid;
    const rotated = await cli.keyRing.startNewKey();
    expect(rotated).not.toBe(before);
    expect((await server.box.encrypt('x', 'ctx')).kid).toBe(rotated);
  });
});
