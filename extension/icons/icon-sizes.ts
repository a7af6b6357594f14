/** The toolbar and extension-page icon sizes Chromium and Firefox ask for, in pixels. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

export type IconSize = (typeof ICON_SIZES)[number];

/** Where each size lands in the build (from `extension/public/`), as the manifest names it. */
export const iconPath = (size: IconSize) => `icon-${size}.png`;

/** The manifest's `icons` / `action.default_icon` map. */
export function manifestIcons(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size)]));
}
