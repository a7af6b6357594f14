import { deriveUuid } from '../ids.ts';

/** The per-endpoint permissions a Braze REST API key can hold (reference §1.2). */
export const PERMISSIONS = [
  'users.export.segment',
  'users.export.ids',
  'segments.list',
  'segments.details',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** A REST API key: its permissions are fixed when it is created, as in Braze. */
export interface ApiKey {
  key: string;
  name: string;
  permissions: readonly Permission[];
}

/** The workspace's default key: every permission, derived from the seed. */
export function defaultApiKey(seed: string): ApiKey {
  return {
    key: deriveUuid(seed, ['rest-api-key', 'demo']),
    name: 'Audience Relay (all permissions)',
    permissions: PERMISSIONS,
  };
}
