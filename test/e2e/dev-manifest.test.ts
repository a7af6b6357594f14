import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../extension/icons/icon-sizes.ts';
import {
  type BuiltManifest,
  declaredIcons,
  pngSize,
  readBuiltManifest,
} from '../support/extension-manifest.ts';
import { DEV_BUILD_DIR } from './support/launch-extension.ts';

/** The build these e2e tests load (`npm run build:dev`); the store build: test/integration. */
let manifest: BuiltManifest;
beforeAll(async () => {
  manifest = await readBuiltManifest(DEV_BUILD_DIR);
});

describe('the development manifest', () => {
  it('names an icon of every size, each that big', async () => {
    expect(Object.keys(manifest.action?.default_icon ?? {})).toEqual(ICON_SIZES.map(String));
    for (const { size, path } of declaredIcons(manifest)) {
      expect(await pngSize(join(DEV_BUILD_DIR, path)), path).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('adds the loopback sandbox to the dashboards, but still makes nothing web-accessible', () => {
    expect(manifest.content_scripts?.flatMap((script) => script.matches)).toEqual(
      expect.arrayContaining(['http://127.0.0.1/*', 'https://*.braze.com/*']),
    );
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
