/**
 * Workspace keys look like `ar_live_<key id>_<secret>`: the prefix lets secret scanners and
 * people recognise one, the id finds the stored hash without a scan (and is not secret), and
 * only the secret's hash is ever stored. Shared so the extension can check a pasted key
 * before sending it anywhere.
 */
export const API_KEY_PREFIX = 'ar_live_';
const API_KEY = /^ar_live_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

/** The id and secret of a presented key, or undefined when it is not shaped like one. */
export function parseApiKey(presented: string): ApiKeyParts | undefined {
  const match = API_KEY.exec(presented.trim());
  return match?.[1] && match[2] ? { keyId: match[1], secret: match[2] } : undefined;
}
