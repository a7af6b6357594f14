import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { META_MATCH_NOTE } from '../../../../shared/export-report.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import { useExportRelay, usersCsv } from './export-harness.ts';

const start = useExportRelay();

const emailOf = (index: number) => `User${index}@Example.com`;

describe('exporting an uploaded file', () => {
  it('fills one audience per field with exactly the hashed rows, in sessions of paced batches', async () => {
    const relay = await start();
    const created = await relay.exportFile(
      usersCsv(25, (index) => (index === 3 ? { do_not_sell_or_share: 'true' } : {})),
      { plan: { kind: 'per-field', keys: ['EMAIL', 'PHONE'] }, batchSize: 10 },
    );
    expect(created.status).toBe('queued');
    const done = await relay.ended(created.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.audiences.map(({ audience, name }) => [audience, name])).toEqual([
      ['EMAIL', 'Spring buyers — Email'],
      ['PHONE', 'Spring buyers — Phone number'],
    ]);
    const email = done.audiences[0];
    if (!email) throw new Error('no email audience');
    expect(email.adsManagerUrl).toBe(
      `https://adsmanager.facebook.com/adsmanager/audiences?act=${DEMO_AD_ACCOUNT_ID}&ids=${email.facebookAudienceId}`,
    );

    const rows = await relay.control.audienceRows(email.facebookAudienceId);
    const expected = Array.from({ length: 25 }, (_, index) => index)
      .filter((index) => index !== 3)
      .map((index) => [matchKeyValue('EMAIL', emailOf(index))]);
    expect(rows.schemas).toHaveLength(1);
    expect(rows.schemas[0]?.schema).toBe('EMAIL_SHA256');
    expect(rows.schemas[0]?.rows.sort()).toEqual(expected.sort());

    const sessions = await relay.control.audienceSessions(email.facebookAudienceId);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ batches: [1, 2, 3], finished: true, numReceived: 24 });

    const state = await relay.control.state();
    const audience = state.audiences.find((some) => some.id === email.facebookAudienceId);
    expect(audience).toMatchObject({ name: 'Spring buyers — Email', subtype: 'CUSTOM' });

    expect(done.report).toMatchObject({
      users: { read: 25, eligible: 24, sent: 24, removed: { opt_out: 1 } },
      matchNote: META_MATCH_NOTE,
    });
    expect(done.report?.audiences[0]).toMatchObject({
      audience: 'EMAIL',
      sent: 24,
      batches: 3,
      meta: { received: 24, invalid: 0 },
      fields: [{ key: 'EMAIL', valid: 24, unusable: 0 }],
    });
  });
});
