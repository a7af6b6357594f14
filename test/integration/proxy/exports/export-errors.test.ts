import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import type { ExportJobView } from '../../../../shared/relay-api/exports.ts';
import { pause, useExportRelay, usersCsv } from './export-harness.ts';

const start = useExportRelay();
const EMAIL = { plan: { kind: 'per-field', keys: ['EMAIL'] } };

/** Every user's hashed email, as Meta must hold them. */
const hashedEmails = (count: number) =>
  Array.from({ length: count }, (_, index) => [
    matchKeyValue('EMAIL', `User${index}@Example.com`),
  ]).sort();

/** Waits until the job has created its audiences (it is about to upload). */
async function audienceOf(relay: Awaited<ReturnType<typeof start>>, id: string) {
  for (let i = 0; i < 1000; i++) {
    const job: ExportJobView = await relay.job(id);
    const audience = job.audiences[0];
    if (audience) return audience.facebookAudienceId;
    await pause(5);
  }
  throw new Error('no audience created');
}

describe('errors before anything is created', () => {
  it('an invalid token stops the export before any audience is created, resumable', async () => {
    const relay = await start();
    const stored = await relay.relay.facebook.tokens.get(relay.workspace.id, 'user');
    await relay.control.invalidateToken(stored?.token ?? '', 'password_changed');
    const done = await relay.ended((await relay.exportFile(usersCsv(3), EMAIL)).id);
    expect(done).toMatchObject({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_token_password_changed' },
      audiences: [],
    });
  });

  it('Custom Audience terms not accepted: stops, then resumes once they are', async () => {
    const relay = await start();
    const created = await relay.exportFile(usersCsv(3), {
      ...EMAIL,
      adAccountId: DEMO_NO_TOS_AD_ACCOUNT_ID,
    });
    expect(await relay.ended(created.id)).toMatchObject({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_custom_audience_terms_not_accepted' },
    });
    await relay.control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    const resumed = await relay.call(`/v1/exports/${created.id}/resume`, {
      method: 'POST',
      token: relay.token,
    });
    expect(resumed.status).toBe(202);
    expect((await relay.ended(created.id)).status).toBe('done');
  });

  it('the 500-audience limit is checked before creating any audience', async () => {
    const relay = await start();
    const live = (await relay.control.state()).audiences.filter(
      (audience) =>
        audience.accountId === DEMO_AD_ACCOUNT_ID &&
        audience.subtype === 'CUSTOM' &&
        !audience.deleted,
    ).length;
    for (let i = live; i < 499; i++) {
      await relay.control.createAudience({ accountId: DEMO_AD_ACCOUNT_ID, name: `Old list ${i}` });
    }
    const done = await relay.ended(
      (
        await relay.exportFile(usersCsv(3), {
          plan: { kind: 'per-field', keys: ['EMAIL', 'PHONE'] },
        })
      ).id,
    );
    expect(done).toMatchObject({
      status: 'failed',
      error: { code: 'facebook_audience_limit_reached' },
    });
    expect(done.audiences).toEqual([]);
  });

  it('no write access to the ad account', async () => {
    const relay = await start();
    await relay.control.updateAdAccount(DEMO_AD_ACCOUNT_ID, {
      tasks: { [DEMO_USER_ID]: ['ANALYZE'] },
    });
    const done = await relay.ended((await relay.exportFile(usersCsv(3), EMAIL)).id);
    expect(done).toMatchObject({ status: 'failed', resumable: true });
    expect(done.error?.code).toMatch(
      /^facebook_(ad_account_access_denied|access|ads_management_missing)$/,
    );
  });
});

describe('errors during the upload', () => {
  /** An export of 30 users in batches of 10 whose first /users call is slow, so the test can act. */
  async function slowExport(relay: Awaited<ReturnType<typeof start>>) {
    await relay.control.addFault({ kind: 'latency', path: '/users$', latencyMs: 300 });
    const created = await relay.exportFile(usersCsv(30), { ...EMAIL, batchSize: 10 });
    return { id: created.id, audienceId: await audienceOf(relay, created.id) };
  }

  it('an audience deleted mid-upload fails the export for good', async () => {
    const relay = await start();
    const { id, audienceId } = await slowExport(relay);
    await relay.control.deleteAudience(audienceId);
    expect(await relay.ended(id)).toMatchObject({
      status: 'failed',
      resumable: false,
      error: { code: 'facebook_audience_not_found' },
    });
  });

  it('an integrity flag stops the export; after the appeal it resumes without a duplicate batch', async () => {
    const relay = await start();
    const { id, audienceId } = await slowExport(relay);
    await relay.control.updateAudience(audienceId, { operationStatus: 471 });
    expect(await relay.ended(id)).toMatchObject({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_audience_integrity_flagged' },
    });
    await relay.control.updateAudience(audienceId, { operationStatus: 200 });
    await relay.call(`/v1/exports/${id}/resume`, { method: 'POST', token: relay.token });
    expect((await relay.ended(id)).status).toBe('done');
    const [session] = await relay.control.audienceSessions(audienceId);
    expect(session).toMatchObject({ batches: [1, 2, 3], finished: true, numReceived: 30 });
    expect((await relay.control.audienceRows(audienceId)).schemas[0]?.rows.sort()).toEqual(
      hashedEmails(30),
    );
  });

  it('a value-based audience is explained, not retried', async () => {
    const relay = await start();
    const { id, audienceId } = await slowExport(relay);
    await relay.control.updateAudience(audienceId, { isValueBased: true });
    expect(await relay.ended(id)).toMatchObject({
      status: 'failed',
      error: { code: 'facebook_value_based_audience_not_supported' },
    });
  });

  it('throttling (80003) waits as long as Meta says, then completes', async () => {
    const relay = await start();
    await relay.control.addFault({ kind: 'throttle', path: '/users$', minutes: 3, times: 2 });
    const done = await relay.ended(
      (await relay.exportFile(usersCsv(25), { ...EMAIL, batchSize: 10 })).id,
    );
    expect(done.status).toBe('done');
    const calls = await relay.control.requests({ path: '/users$', method: 'POST' });
    expect(calls.map((call) => call.errorCode ?? null)).toEqual([80003, 80003, null, null, null]);
    const events = await relay.events(done.id);
    expect(
      events.filter(({ event }) => event.type === 'error').map(({ event }) => event),
    ).toMatchObject([
      { code: 'facebook_throttled', retrying: true },
      { code: 'facebook_throttled', retrying: true },
    ]);
    const audienceId = done.audiences[0]?.facebookAudienceId ?? '';
    expect((await relay.control.audienceRows(audienceId)).schemas[0]?.rows.sort()).toEqual(
      hashedEmails(25),
    );
  });

  it('transient failures and a lost answer are retried with the same batch, never doubled', async () => {
    const relay = await start();
    await relay.control.addFault({ kind: 'http500', path: '/users$', times: 2 });
    await relay.control.addFault({ kind: 'transient', path: '/users$' });
    await relay.control.addFault({ kind: 'drop-after', path: '/users$' });
    const done = await relay.ended(
      (await relay.exportFile(usersCsv(25), { ...EMAIL, batchSize: 10 })).id,
    );
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    const audienceId = done.audiences[0]?.facebookAudienceId ?? '';
    const [session] = await relay.control.audienceSessions(audienceId);
    expect(session).toMatchObject({ batches: [1, 2, 3], finished: true, numReceived: 25 });
    expect((await relay.control.audienceRows(audienceId)).schemas[0]?.rows.sort()).toEqual(
      hashedEmails(25),
    );
    expect(done.report?.audiences[0]?.meta).toEqual({ received: 25, invalid: 0 });
  });
});
