const UUID = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/;
const ZEROED = '00000000-0000-0000-0000-000000000000';

/**
 * MADID (Apple IDFA, Google GAID): lowercase, in the hyphenated UUID form Meta keeps
 * (a 32-digit form without hyphens gets them back). The all-zero ID is what a device reports
 * when the user limited ad tracking: it means "no ID", never a person.
 */
export function normalizeAdvertiserId(raw: string): string | null {
  const match = UUID.exec(raw.trim().toLowerCase());
  if (match === null) return null;
  const id = match.slice(1).join('-');
  return id === ZEROED ? null : id;
}
