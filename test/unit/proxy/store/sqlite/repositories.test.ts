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

const facebookToken = (workspaceId: string, kind: 'user' | 'system_user' = 'user') => ({
  workspaceId,
  kind,
  facebookUserId: '100094271836452',
  facebookUserName: 'Dana Demo',
  tokenType: 'USER',
  scopes: ['ads_management', 'business_management'],
  expiresAt: at(50),
  dataAccessExpiresAt: null,
  connectedAt: at(3),
  checkedAt: at(3),
  invalid: null,
});

const adAccount = (workspaceId: string, adAccountId: string) => ({
  workspaceId,
  adAccountId,
  name: `Account ${adAccountId}`,
  businessId: '481203957716254',
  businessName: 'Northwind',
  accountStatus: 1,
  customAudienceTos: null,
  accessible: true,
  connectedAt: at(4),
  checkedAt: null,
});

describe('Facebook connections', () => {
  it('keep token descriptions per workspace and kind', async () => {
    const store = await storeWithWorkspaces();
    const repository = store.facebookConnections;
    await repository.putToken(facebookToken('ws_a'));
    await repository.putToken(facebookToken('ws_a', 'system_user'));
    expect(await repository.tokens('ws_a')).toEqual([
      facebookToken('ws_a', 'system_user'),
      facebookToken('ws_a'),
    ]);
    expect(await repository.tokens('ws_b')).toEqual([]);
    expect(await repository.workspacesWithTokens()).toEqual(['ws_a']);
    expect(await repository.deleteToken('ws_b', 'user')).toBe(false);
    expect(await repository.deleteToken('ws_a', 'system_user')).toBe(true);
    expect((await repository.tokens('ws_a')).map((token) => token.kind)).toEqual(['user']);
  });

  it('record a check only on the token that was checked', async () => {
    const store = await storeWithWorkspaces();
    const repository = store.facebookConnections;
    await repository.putToken(facebookToken('ws_a'));
    const invalid = { code: 'facebook_token_expired', message: 'Session has expired', at: at(9) };
    const stale = { workspaceId: 'ws_a', kind: 'user' as const, connectedAt: at(1) };
    expect(await repository.recordTokenCheck(stale, { checkedAt: at(9), invalid })).toBe(false);
    expect((await repository.tokens('ws_a'))[0]?.invalid).toBeNull();
    const current = { ...stale, connectedAt: at(3) };
    expect(
      await repository.recordTokenCheck(current, {
        checkedAt: at(9),
        invalid,
        scopes: ['ads_read'],
        expiresAt: null,
      }),
    ).toBe(true);
    expect((await repository.tokens('ws_a'))[0]).toMatchObject({
      checkedAt: at(9),
      invalid,
      scopes: ['ads_read'],
      expiresAt: null,
      dataAccessExpiresAt: null,
    });
    await repository.recordTokenCheck(current, { checkedAt: at(10), invalid: null });
    expect((await repository.tokens('ws_a'))[0]).toMatchObject({
      invalid: null,
      scopes: ['ads_read'],
    });
  });

  it('replace the chosen ad accounts as a whole, in the chosen order', async () => {
    const store = await storeWithWorkspaces();
    const repository = store.facebookConnections;
    await repository.replaceAdAccounts('ws_a', [adAccount('ws_a', '2'), adAccount('ws_a', '1')]);
    await repository.replaceAdAccounts('ws_b', [adAccount('ws_b', '1')]);
    expect((await repository.adAccounts('ws_a')).map((account) => account.adAccountId)).toEqual([
      '2',
      '1',
    ]);
    await repository.replaceAdAccounts('ws_a', [adAccount('ws_a', '3')]);
    expect(await repository.adAccounts('ws_a')).toEqual([adAccount('ws_a', '3')]);
    expect(await repository.adAccounts('ws_b')).toEqual([adAccount('ws_b', '1')]);
  });

  it('record what a check saw of accounts still chosen', async () => {
    const store = await storeWithWorkspaces();
    const repository = store.facebookConnections;
    await repository.replaceAdAccounts('ws_a', [adAccount('ws_a', '1')]);
    const seen = {
      ...adAccount('ws_a', '1'),
      name: 'Renamed',
      customAudienceTos: false,
      accessible: false,
      checkedAt: at(20),
    };
    await repository.recordAdAccountChecks('ws_a', [seen, { ...adAccount('ws_a', '9') }]);
    expect(await repository.adAccounts('ws_a')).toEqual([seen]);
  });

  it('clear a workspace entirely, and only that workspace', async () => {
    const store = await storeWithWorkspaces();
    const repository = store.facebookConnections;
    for (const workspaceId of ['ws_a', 'ws_b']) {
      await repository.putToken(facebookToken(workspaceId));
      await repository.replaceAdAccounts(workspaceId, [adAccount(workspaceId, '1')]);
    }
    await repository.clear('ws_a');
    expect(await repository.tokens('ws_a')).toEqual([]);
    expect(await repository.adAccounts('ws_a')).toEqual([]);
    expect(await repository.tokens('ws_b')).toHaveLength(1);
    expect(await repository.adAccounts('ws_b')).toHaveLength(1);
  });
});

describe('OAuth states', () => {
  it('can be used once, and only by their own workspace', async () => {
    const store = await storeWithWorkspaces();
    const states = store.oauthStates;
    await states.create({ id: 's1', workspaceId: 'ws_a', expiresAt: at(10) });
    expect(await states.use('ws_b', 's1', at(5))).toBe('unknown');
    expect(await states.use('ws_a', 's1', at(5))).toBe('used-now');
    expect(await states.use('ws_a', 's1', at(6))).toBe('used-before');
    expect(await states.use('ws_a', 'nope', at(6))).toBe('unknown');
  });

  it('are forgotten once expired', async () => {
    const store = await storeWithWorkspaces();
    const states = store.oauthStates;
    await states.create({ id: 'old', workspaceId: 'ws_a', expiresAt: at(10) });
    await states.create({ id: 'new', workspaceId: 'ws_a', expiresAt: at(30) });
    await states.deleteExpired(at(20));
    expect(await states.use('ws_a', 'old', at(21))).toBe('unknown');
    expect(await states.use('ws_a', 'new', at(21))).toBe('used-now');
  });
});

describe('consent defaults', () => {
  it('are absent until put, replaced as a whole, and kept per workspace', async () => {
    const store = await storeWithWorkspaces();
    expect(await store.consentDefaults.get('ws_a')).toBeUndefined();
    await store.consentDefaults.put('ws_a', {
      settings: { optOutAttribute: null, optInAttribute: 'opted_in' },
      updatedAt: at(5),
    });
    await store.consentDefaults.put('ws_a', {
      settings: { excludeEmailUnsubscribed: true },
      updatedAt: at(6),
    });
    expect(await store.consentDefaults.get('ws_a')).toEqual({
      settings: { excludeEmailUnsubscribed: true },
      updatedAt: at(6),
    });
    expect(await store.consentDefaults.get('ws_b')).toBeUndefined();
  });
});
