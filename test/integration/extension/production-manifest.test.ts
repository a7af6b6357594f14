import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { ICON_SIZES } from '../../../extension/icons/icon-sizes.ts';
import {
  type BuiltManifest,
  declaredIcons,
  pngSize,
  readBuiltManifest,
} from '../../support/extension-manifest.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dirs.ts';

const quiet = {
  debug() {},
  log() {},
  info() {},
  warn() {},
  success() {},
  error: console.error,
  fatal: console.error,
  level: 0,
};

let outputDir: string;
let manifest: BuiltManifest;

/** The store build, as `npm run build` makes it (the dev build is checked by test/e2e). */
beforeAll(async () => {
  const outDir = tempDir('audience-relay-build-');
  await build({ mode: 'production', browser: 'chrome', outDir, logger: quiet });
  outputDir = join(outDir, 'chrome-mv3');
  manifest = await readBuiltManifest(outputDir);
}, 120_000);
afterAll(removeTempDirs);

describe('the production manifest', () => {
  it('names an icon of every size, for the extension and its toolbar button, each that big', async () => {
    const expected = ICON_SIZES.map(String);
    expect(Object.keys(manifest.icons ?? {})).toEqual(expected);
    expect(Object.keys(manifest.action?.default_icon ?? {})).toEqual(expected);
    for (const { size, path } of declaredIcons(manifest)) {
      expect(await pngSize(join(outputDir, path)), path).toEqual({ width: size, height: size });
    }
  });

  it('makes nothing web-accessible: the floating button bundles its styles', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('acts on Braze dashboards only, never on loopback', () => {
    const braze = ['https://*.braze.com/*', 'https://*.braze.eu/*'];
    expect(manifest.host_permissions).toEqual(braze);
    expect(manifest.content_scripts?.map((script) => script.matches)).toEqual([braze]);
  });
});
