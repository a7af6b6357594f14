import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a built manifest the tests look at. */
export interface BuiltManifest {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: { resources: string[]; matches?: string[] }[];
}

export async function readBuiltManifest(outputDir: string): Promise<BuiltManifest> {
  return JSON.parse(await readFile(join(outputDir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** Width and height of a PNG, from its IHDR chunk (PNG spec §11.2.2); throws for anything else. */
export async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  const signature = '89504e470d0a1a0a';
  if (
    bytes.subarray(0, 8).toString('hex') !== signature ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every icon the manifest names (`icons` and the toolbar's), with the size it claims. */
export function declaredIcons(manifest: BuiltManifest): { size: number; path: string }[] {
  return [manifest.icons ?? {}, manifest.action?.default_icon ?? {}].flatMap((icons) =>
    Object.entries(icons).map(([size, path]) => ({ size: Number(size), path })),
  );
}
