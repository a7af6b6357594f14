import type { SyncRecord } from '../../proxy/store/syncs.ts';

/**
 * A launched sync as the store holds it, adding EMAIL hashes to audience 555 of ad account
 * 123; tests change what they need.
 */
export function activeSync(change: Partial<SyncRecord> = {}): SyncRecord {
  const launched = new Date('2026-11-22T12:00:00Z');
  return {
    id: 'sync_1',
    workspaceId: 'ws_a',
    name: 'Cart abandoners',
    status: 'active',
    adAccountId: '123',
    audienceKind: 'existing',
    audienceName: null,
    facebookAudienceId: '555',
    action: 'add',
    fields: ['EMAIL'],
    consent: {},
    defaultCountry: null,
    ingestSecretHash: 'a'.repeat(64),
    secretRotatedAt: launched,
    error: null,
    retryAfter: null,
    failingSince: null,
    counts: { entered: 0, synced: 0, notSynced: 0, errored: 0 },
    createdAt: launched,
    updatedAt: launched,
    launchedAt: launched,
    ...change,
  };
}

/** The queued rows of user `n`: one SHA-256-looking value per row. */
export const hashedUser = (n: number, rows = 1): string[][] =>
  Array.from({ length: rows }, (_, row) => [`${n}-${row}`.padStart(64, '0')]);
