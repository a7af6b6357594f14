import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { parseApiKey } from '../../../proxy/auth/api-key.ts';
import { loadConfig } from '../../../proxy/config.ts';
import { openRelayServices, type RelayServices } from '../../../proxy/relay-services.ts';
import { DEMO_WORKSPACE_NAME, ensureDemoWorkspace } from '../../../scripts/demo-workspace.ts';

const opened: { services: RelayServices; dir: string }[] = [];
afterEach(async () => {
  for (const { services, dir } of opened.splice(0)) {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'demo-workspace-'));
  const services = openRelayServices(loadConfig({ RELAY_DATA_DIR: dir }));
  opened.push({ services, dir });
  return services;
}

it('creates the demo workspace once and leaves exactly one working admin key per start', async () => {
  const { store } = open();
  const first = await ensureDemoWorkspace(store);
  const second = await ensureDemoWorkspace(store);

  expect(second.workspace).toEqual(first.workspace);
  expect((await store.workspaces.list()).map((w) => w.name)).toEqual([DEMO_WORKSPACE_NAME]);
  const keys = await store.apiKeys.list(first.workspace.id);
  const active = keys.filter((key) => !key.revokedAt);
  expect(active.map((key) => key.id)).toEqual([parseApiKey(second.adminKey)?.keyId]);
  expect(active[0]?.role).toBe('admin');
  expect(
    keys.find((key) => key.id === parseApiKey(first.adminKey)?.keyId)?.revokedAt,
  ).toBeInstanceOf(Date);
});
