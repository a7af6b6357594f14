import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { RELAY_SECRET_FILE } from '../../../../proxy/secrets/relay-secret.ts';
import { DATABASE_FILE } from '../../../../proxy/store/sqlite/database.ts';
import { MIGRATIONS } from '../../../../proxy/store/sqlite/migrations/index.ts';
import { manualClock } from '../../../support/manual-clock.ts';
import { startTestRelay, stopTestRelays } from '../support/test-relay.ts';

afterEach(stopTestRelays);

function appliedMigrations(dataDir: string) {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
}

describe('restarting the relay on the same data directory', () => {
  it('migrates once, keeps its data, its secret and its sessions', async () => {
    const clock = manualClock();
    const first = await startTestRelay({ clock });
    const { workspace, adminToken } = await first.workspaceWithUsers('Acme');
    const secretFile = join(first.dataDir, RELAY_SECRET_FILE);
    const secret = readFileSync(secretFile, 'utf8');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(first.dataDir, DATABASE_FILE)).mode & 0o077).toBe(0);
    await first.relay.close();

    const second = await startTestRelay({ clock, env: { RELAY_DATA_DIR: first.dataDir } });
    expect(readFileSync(secretFile, 'utf8')).toBe(secret);
    const me = await second.call('/v1/workspace', { token: adminToken });
    expect((await me.json()).workspace.id).toBe(workspace.id);
    await second.relay.close();

    expect(appliedMigrations(first.dataDir)).toEqual(
      MIGRATIONS.map((migration) => ({ version: migration.version })),
    );
  });

  it('uses RELAY_SECRET instead of generating one', async () => {
    const relay = await startTestRelay({ env: { RELAY_SECRET: 's'.repeat(40) } });
    expect(() => statSync(join(relay.dataDir, RELAY_SECRET_FILE))).toThrow();
  });
});
