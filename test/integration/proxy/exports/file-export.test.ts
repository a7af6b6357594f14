import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { META_MATCH_NOTE } from '../../../../shared/export-report.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import { errorCode } from '../support/test-relay.ts';
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

describe('audiences, filters and the report', () => {
  it('fills one multi-key audience with every chosen key per user', async () => {
    const relay = await start();
    const csv = [
      'email,phone,first_name,country',
      'ann@example.com,+14155550100,Ann,US',
      ',+14155550101,Bob,US',
      'cy@example.com,,,US',
      ',,,US',
    ].join('\n');
    const done = await relay.ended(
      (
        await relay.exportFile(csv, {
          plan: { kind: 'multi-key', keys: ['FN', 'EMAIL', 'PHONE'] },
          audienceNames: { MULTI_KEY: 'Spring buyers (all keys)' },
        })
      ).id,
    );
    expect(done.status).toBe('done');
    expect(done.audiences).toMatchObject([
      { audience: 'MULTI_KEY', name: 'Spring buyers (all keys)' },
    ]);
    const id = done.audiences[0]?.facebookAudienceId ?? '';
    const value = (key: 'EMAIL' | 'PHONE' | 'FN', raw: string) =>
      raw ? (matchKeyValue(key, raw, { defaultCountry: 'US' }) ?? '') : '';
    const expected = [
      ['ann@example.com', '+14155550100', 'Ann'],
      ['', '+14155550101', 'Bob'],
      ['cy@example.com', '', ''],
    ].map(([email = '', phone = '', first = '']) => [
      value('EMAIL', email),
      value('PHONE', phone),
      value('FN', first),
    ]);
    const { schemas } = await relay.control.audienceRows(id);
    expect(schemas).toEqual([{ schema: ['EMAIL', 'PHONE', 'FN'], rows: expect.any(Array) }]);
    expect(schemas[0]?.rows.sort()).toEqual(expected.sort());
    expect(done.report?.users).toMatchObject({
      read: 4,
      eligible: 4,
      sent: 3,
      withoutUsableKey: 1,
    });
  });

  it('applies every consent filter and says how many users each removed', async () => {
    const relay = await start();
    const lines = [
      {
        email: 'out@example.com',
        custom_attributes: { do_not_sell_or_share: true, opted_in_marketing: true },
      },
      { email: 'notin@example.com', custom_attributes: {} },
      {
        email: 'unsub@example.com',
        email_subscribe: 'unsubscribed',
        custom_attributes: { opted_in_marketing: 'yes' },
      },
      {
        devices: [{ idfa: 'AEBE52E7-03EE-455A-B3C4-E57283966239', ad_tracking_enabled: false }],
        custom_attributes: { opted_in_marketing: true },
      },
      {
        email: 'ok@example.com',
        devices: [{ idfa: '6D92078A-8246-4BA4-AE5B-76104861E7DC', ad_tracking_enabled: true }],
        custom_attributes: { opted_in_marketing: true },
      },
      {
        email: 'kept@example.com',
        devices: [{ idfa: 'C6A9A3B0-6F5E-4E1B-9C7D-1A2B3C4D5E6F' }],
        custom_attributes: { opted_in_marketing: true },
      },
    ];
    const done = await relay.ended(
      (
        await relay.exportFile(lines.map((line) => JSON.stringify(line)).join('\n'), {
          plan: { kind: 'per-field', keys: ['EMAIL', 'MADID'] },
          consent: { optInAttribute: 'opted_in_marketing', excludeEmailUnsubscribed: true },
        })
      ).id,
    );
    expect(done.status).toBe('done');
    expect(done.report?.users).toMatchObject({
      read: 6,
      removed: { opt_out: 1, opt_in: 1, email_unsubscribed: 1, ad_tracking: 1 },
      eligible: 2,
      sent: 2,
    });
    expect(done.report?.deviceIdsWithheld).toBe(2);
    const [email, madid] = done.audiences;
    const emailRows = await relay.control.audienceRows(email?.facebookAudienceId ?? '');
    expect(emailRows.schemas[0]?.rows.sort()).toEqual(
      [
        [matchKeyValue('EMAIL', 'ok@example.com')],
        [matchKeyValue('EMAIL', 'kept@example.com')],
      ].sort(),
    );
    const madidRows = await relay.control.audienceRows(madid?.facebookAudienceId ?? '');
    expect(madidRows.schemas[0]?.rows).toEqual([['6d92078a-8246-4ba4-ae5b-76104861e7dc']]);
  });
});

describe('the upload', () => {
  it('is kept only encrypted, and deleted once its export is done', async () => {
    const relay = await start();
    const uploadId = await relay.upload(usersCsv(5));
    for (const file of listFiles(relay.dataDir)) {
      expect(readFileSync(file).toString('latin1').toLowerCase()).not.toContain('example.com');
    }
    const created = await relay.startExport({
      source: { kind: 'file', uploadId },
      plan: { kind: 'per-field', keys: ['EMAIL'] },
    });
    expect((await relay.ended(((await created.json()) as { id: string }).id)).status).toBe('done');
    for (const file of listFiles(relay.dataDir)) {
      expect(readFileSync(file).toString('latin1').toLowerCase()).not.toContain('example.com');
    }
    const again = await relay.startExport({
      source: { kind: 'file', uploadId },
      plan: { kind: 'per-field', keys: ['EMAIL'] },
    });
    expect(again.status).toBe(404);
    expect(await errorCode(again)).toBe('upload_not_found');
  });

  it('refuses a file over the configured size limit', async () => {
    const relay = await start({ env: { RELAY_UPLOAD_BODY_LIMIT: '1kb' } });
    const response = await fetch(`${relay.url}/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${relay.token}` },
      body: usersCsv(100),
    });
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('upload_too_large');
  });

  it('fails the export with unreadable_file when no column is known', async () => {
    const relay = await start();
    const done = await relay.ended(
      (await relay.exportFile('foo,bar\n1,2', { plan: { kind: 'per-field', keys: ['EMAIL'] } })).id,
    );
    expect(done).toMatchObject({
      status: 'failed',
      error: { code: 'unreadable_file' },
      resumable: false,
    });
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
