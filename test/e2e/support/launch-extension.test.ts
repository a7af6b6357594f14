import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID } from '../../../shared/dev-extension-key.ts';
import { launchExtension } from './launch-extension.ts';

const scratch = await mkdtemp(join(tmpdir(), 'audience-relay-launch-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const profiles = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('audience-relay-e2e-'));

describe('launchExtension', () => {
  it('asks for the dev build when there is none', async () => {
    await expect(launchExtension({ extensionDir: join(scratch, 'missing') })).rejects.toThrow(
      /npm run build:dev/,
    );
  });

  it('refuses an extension without the dev key and removes the profile it made', async () => {
    // Without a manifest key, Chromium derives the id from the folder's path.
    const keyless = join(scratch, 'keyless');
    await rm(keyless, { recursive: true, force: true });
    await mkdir(keyless);
    await writeFile(
      join(keyless, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'keyless',
        version: '1.0.0',
        background: { service_worker: 'background.js' },
      }),
    );
    await writeFile(join(keyless, 'background.js'), '');
    const before = await profiles();
    await expect(launchExtension({ extensionDir: keyless })).rejects.toThrow(
      new RegExp(`not ${DEV_EXTENSION_ID}`),
    );
    expect(await profiles()).toEqual(before);
  });
});
