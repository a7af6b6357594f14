import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RELAY_SECRET_FILE, resolveRelaySecrets } from '../../../../proxy/secrets/relay-secret.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';

afterEach(removeTempDirs);

describe('resolveRelaySecrets', () => {
  it('uses RELAY_SECRET when given, and writes nothing', () => {
    const dataDir = join(tempDir(), 'data');
    const secrets = resolveRelaySecrets({
      dataDir,
      secret: 's'.repeat(32),
      previousSecret: 'p'.repeat(32),
    });
    expect(secrets).toEqual({
      current: 's'.repeat(32),
      previous: 'p'.repeat(32),
      source: 'environment',
      warnings: [],
    });
    expect(() => statSync(dataDir)).toThrow();
  });

  it('generates a secret once, owner-only, and reuses it', () => {
    const dataDir = join(tempDir(), 'data');
    const first = resolveRelaySecrets({ dataDir });
    const file = join(dataDir, RELAY_SECRET_FILE);
    expect(first).toMatchObject({ source: 'generated', warnings: [] });
    expect(first.current).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const second = resolveRelaySecrets({ dataDir });
    expect(second).toMatchObject({ current: first.current, source: 'file', warnings: [] });
    expect(readFileSync(file, 'utf8').trim()).toBe(first.current);
  });

  it('warns when others can read the secret file', () => {
    const dataDir = tempDir();
    resolveRelaySecrets({ dataDir });
    chmodSync(join(dataDir, RELAY_SECRET_FILE), 0o644);
    expect(resolveRelaySecrets({ dataDir }).warnings).toEqual([
      expect.stringContaining('chmod 600'),
    ]);
  });

  it('refuses a secret file that holds too little', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, RELAY_SECRET_FILE), 'short\n', { mode: 0o600 });
    expect(() => resolveRelaySecrets({ dataDir })).toThrow(/no usable relay secret/);
  });
});
