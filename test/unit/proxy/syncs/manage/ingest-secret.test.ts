import { describe, expect, it } from 'vitest';
import {
  hashIngestSecret,
  ingestSecretMatches,
  newIngestSecret,
  newSyncId,
} from '../../../../../proxy/syncs/manage/ingest-secret.ts';

describe('ingest secrets', () => {
  it('are 32 random bytes behind a recognisable prefix', () => {
    expect(newIngestSecret(() => Buffer.alloc(32, 0xff))).toBe(`arsync_${'_'.repeat(42)}8`);
    expect(newIngestSecret()).toMatch(/^arsync_[\w-]{43}$/);
    expect(newIngestSecret()).not.toBe(newIngestSecret());
    expect(newSyncId()).toMatch(/^sync_[\w-]{22}$/);
  });

  it('match only their own hash', () => {
    const secret = newIngestSecret();
    const hash = hashIngestSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ingestSecretMatches(secret, hash)).toBe(true);
    expect(ingestSecretMatches(`${secret}x`, hash)).toBe(false);
    expect(ingestSecretMatches(newIngestSecret(), hash)).toBe(false);
    expect(ingestSecretMatches(secret, 'not hex')).toBe(false);
  });
});
