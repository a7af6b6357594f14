import { deprecatedVersion, unknownPath } from './errors.ts';

/** Which clock a path runs on: Graph endpoints live longer than Marketing API ones. */
export type ApiSurface = 'graph' | 'marketing';

interface VersionLife {
  /** Graph API "available until" (ISO date); undefined = no date yet. */
  graphUntil?: string;
  /** Marketing API expiry; undefined = no date yet. */
  marketingUntil?: string;
}

/** Reference §8.1: the versions Meta serves, with their end dates. */
export const API_VERSIONS: Readonly<Record<string, VersionLife>> = {
  'v26.0': {},
  'v25.0': { graphUntil: '2028-07-29' },
  'v24.0': { graphUntil: '2028-02-18', marketingUntil: '2026-10-06' },
  'v23.0': { graphUntil: '2027-10-08', marketingUntil: '2026-06-09' },
  'v22.0': { graphUntil: '2027-05-20', marketingUntil: '2026-02-19' },
  'v21.0': { graphUntil: '2027-01-21', marketingUntil: '2025-09-09' },
};

/**
 * Throws unless `version` is served on `surface` at `now`. Meta silently upgrades calls to
 * expired Graph versions; we refuse them (strict) so a client never relies on that. An
 * expired Marketing API version answers the documented 2635.
 */
export function assertVersion(version: string, surface: ApiSurface, now: Date, path: string) {
  const life = API_VERSIONS[version];
  if (!life) throw unknownPath(path);
  const until = surface === 'marketing' ? life.marketingUntil : life.graphUntil;
  if (until && now.getTime() >= Date.parse(`${until}T00:00:00Z`)) {
    throw surface === 'marketing' ? deprecatedVersion() : unknownPath(path);
  }
}
