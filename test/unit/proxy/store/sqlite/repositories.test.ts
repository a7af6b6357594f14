import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../../proxy/store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from '../../../../../proxy/store/store.ts';
import { DuplicateNameError } from '../../../../../proxy/store/workspaces.ts';
import { removeTempDirs, tempDir } from '../../../../support/temp-dirs.ts';

const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeTempDirs();
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 12, minute));

async function storeWithWorkspaces() {
  const store = openSqliteStore({ dataDir: tempDir() });
  stores.push(store);
  await store.workspaces.create({ id: 'ws_a', name: 'Acme', createdAt: at(0) });
  await store.workspaces.create({ id: 'ws_b', name: 'Globex', createdAt: at(1) });
  return store;
}

const key = (id: string, workspaceId: string) => ({
  id,
  workspaceId,
  role: 'marketer' as const,
  label: null,
  secretHash: 'scrypt$hash',
  createdAt: at(2),
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
});

describe('workspaces', () => {
  it('round-trip and list oldest first', async () => {
    const store = await storeWithWorkspaces();
    expect(await store.workspaces.get('ws_b')).toEqual({
      id: 'ws_b',
      name: 'Globex',
      createdAt: at(1),
    });
    expect((await store.workspaces.list()).map((workspace) => workspace.id)).toEqual([
      'ws_a',
      'ws_b',
    ]);
    expect(await store.workspaces.get('ws_nope')).toBeUndefined();
  });

  it('refuse a second workspace with the same name, whatever its case', async () => {
    const store = await storeWithWorkspaces();
    await expect(
      store.workspaces.create({ id: 'ws_c', name: 'ACME', createdAt: at(3) }),
    ).rejects.toThrow(DuplicateNameError);
  });
});

describe('API keys', () => {
  it('are found only within their own workspace', async () => {
    const store = await storeWithWorkspaces();
    await store.apiKeys.create(key('k1', 'ws_a'));
    expect(await store.apiKeys.get('ws_a', 'k1')).toEqual(key('k1', 'ws_a'));
    expect(await store.apiKeys.get('ws_b', 'k1')).toBeUndefined();
    expect(await store.apiKeys.list('ws_b')).toEqual([]);
    expect(await store.apiKeys.findById('k1')).toEqual(key('k1', 'ws_a'));
  });

  it('are revoked only by their own workspace, and only once', async () => {
    const store = await storeWithWorkspaces();
    await store.apiKeys.create(key('k1', 'ws_a'));
    expect(await store.apiKeys.revoke('ws_b', 'k1', at(5))).toBe(false);
    expect((await store.apiKeys.get('ws_a', 'k1'))?.revokedAt).toBeNull();
    expect(await store.apiKeys.revoke('ws_a', 'k1', at(5))).toBe(true);
    expect(await store.apiKeys.revoke('ws_a', 'k1', at(9))).toBe(true);
    expect((await store.apiKeys.get('ws_a', 'k1'))?.revokedAt).toEqual(at(5));
  });

  it('record their last use within their workspace only', async () => {
    const store = await storeWithWorkspaces();
    await store.apiKeys.create(key('k1', 'ws_a'));
    await store.apiKeys.markUsed('ws_b', 'k1', at(7));
    expect((await store.apiKeys.get('ws_a', 'k1'))?.lastUsedAt).toBeNull();
    await store.apiKeys.markUsed('ws_a', 'k1', at(7));
    expect((await store.apiKeys.get('ws_a', 'k1'))?.lastUsedAt).toEqual(at(7));
  });
});

describe('encryption keys and sealed secrets', () => {
  const sealed = (workspaceId: string, name: string, kid: string, ciphertext = `jwe-${name}`) => ({
    workspaceId,
    name,
    kid,
    ciphertext,
    updatedAt: at(3),
  });
  const keyRecord = (kid: string) => ({ kid, secretFingerprint: 'f', createdAt: at(0) });

  it('keep exactly one active key', async () => {
    const store = await storeWithWorkspaces();
    expect(await store.encryptionKeys.ensureActive(keyRecord('k_1'))).toMatchObject({
      kid: 'k_1',
      active: true,
    });
    expect(await store.encryptionKeys.ensureActive(keyRecord('k_2'))).toMatchObject({ kid: 'k_1' });
    await store.encryptionKeys.activate(keyRecord('k_3'));
    expect((await store.encryptionKeys.active())?.kid).toBe('k_3');
    expect(
      (await store.encryptionKeys.list()).map((record) => [record.kid, record.active]),
    ).toEqual([
      ['k_1', false],
      ['k_3', true],
    ]);
  });

  it('retire only keys that are no longer active', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    await store.encryptionKeys.retire('k_1', at(4));
    expect((await store.encryptionKeys.get('k_1'))?.retiredAt).toBeNull();
    await store.encryptionKeys.activate(keyRecord('k_2'));
    await store.encryptionKeys.retire('k_1', at(4));
    expect((await store.encryptionKeys.get('k_1'))?.retiredAt).toEqual(at(4));
  });

  it('store a secret only under the active key', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    expect(await store.secrets.put(sealed('ws_a', 'token', 'k_1'))).toBe(true);
    await store.encryptionKeys.activate(keyRecord('k_2'));
    expect(await store.secrets.put(sealed('ws_a', 'token', 'k_1', 'newer'))).toBe(false);
    expect(await store.secrets.put(sealed('ws_a', 'token', 'unknown', 'newer'))).toBe(false);
    expect((await store.secrets.get('ws_a', 'token'))?.ciphertext).toBe('jwe-token');
    expect(await store.secrets.put(sealed('ws_a', 'token', 'k_2', 'newer'))).toBe(true);
    expect(await store.secrets.get('ws_a', 'token')).toEqual(
      sealed('ws_a', 'token', 'k_2', 'newer'),
    );
  });

  it('keep secrets per workspace', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    await store.secrets.put(sealed('ws_a', 'token', 'k_1'));
    expect(await store.secrets.get('ws_b', 'token')).toBeUndefined();
    expect(await store.secrets.delete('ws_b', 'token')).toBe(false);
    expect(await store.secrets.delete('ws_a', 'token')).toBe(true);
    expect(await store.secrets.get('ws_a', 'token')).toBeUndefined();
  });

  it('page through secrets under other keys, for rotation', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    for (const [workspaceId, name] of [
      ['ws_b', 'x'],
      ['ws_a', 'y'],
      ['ws_a', 'x'],
    ] as const) {
      await store.secrets.put(sealed(workspaceId, name, 'k_1'));
    }
    await store.encryptionKeys.activate(keyRecord('k_2'));
    await store.secrets.put(sealed('ws_a', 'z', 'k_2'));
    const first = await store.secrets.listSealedWithOtherKey('k_2', 2);
    expect(first.map((secret) => `${secret.workspaceId}/${secret.name}`)).toEqual([
      'ws_a/x',
      'ws_a/y',
    ]);
    const rest = await store.secrets.listSealedWithOtherKey('k_2', 2, first[1]);
    expect(rest.map((secret) => `${secret.workspaceId}/${secret.name}`)).toEqual(['ws_b/x']);
  });

  it('replace a secret only if nobody changed it meanwhile', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    await store.secrets.put(sealed('ws_a', 'token', 'k_1'));
    const current = await store.secrets.get('ws_a', 'token');
    if (!current) throw new Error('missing');
    const stale = { ...current, ciphertext: 'something older' };
    expect(await store.secrets.replace(stale, sealed('ws_a', 'token', 'k_1', 'moved'))).toBe(false);
    expect(await store.secrets.replace(current, sealed('ws_a', 'token', 'k_1', 'moved'))).toBe(
      true,
    );
    expect((await store.secrets.get('ws_a', 'token'))?.ciphertext).toBe('moved');
  });

  it('belong to a workspace that exists', async () => {
    const store = await storeWithWorkspaces();
    await store.encryptionKeys.activate(keyRecord('k_1'));
    await expect(store.secrets.put(sealed('ws_missing', 'token', 'k_1'))).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });
});
