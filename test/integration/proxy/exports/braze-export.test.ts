import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isTruthy } from '../../../../proxy/sources/truthy.ts';
import { DEMO_REST_API_KEY, DEMO_SEED, DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import { startBrazeEmulator } from '../../../../sandbox/braze/start.ts';
import { exportedUsers } from '../../../../sandbox/braze/users/exported-users.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import { errorCode } from '../support/test-relay.ts';
import { useExportRelay } from './export-harness.ts';

const start = useExportRelay();
const SEGMENT = DEMO_SEGMENT['cart-web'];

/** The relay and Graph emulator of `useExportRelay`, plus the Braze emulator, connected. */
async function withBraze() {
  const relay = await start();
  const braze = await startBrazeEmulator({ exportDelayMs: 0, usersPerFile: 100 });
  onTestFinished(() => braze.close());
  const saved = await relay.call('/v1/sources/braze', {
    method: 'PUT',
    token: relay.adminToken,
    body: { restEndpoint: braze.restUrl, apiKey: DEMO_REST_API_KEY },
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  return relay;
}

/** What Meta must hold: the segment's users as Braze exports them, opted-out ones left out. */
function expectedRows(key: 'EMAIL' | 'PHONE', field: 'email' | 'phone') {
  const users = exportedUsers(DEMO_SEED, SEGMENT, {
    fields_to_export: ['country', field],
    custom_attributes_to_export: ['do_not_sell_or_share'],
  });
  const rows: string[][] = [];
  for (const user of users) {
    if (isTruthy(user.custom_attributes?.do_not_sell_or_share)) continue;
    const raw = user[field];
    const value =
      typeof raw === 'string'
        ? matchKeyValue(key, raw, { defaultCountry: user.country ?? undefined })
        : null;
    if (value !== null) rows.push([value]);
  }
  return rows.sort();
}

describe('exporting a Braze segment', () => {
  it('fills the audiences with exactly the hashed users Braze exported', async () => {
    const relay = await withBraze();
    const created = await relay.startExport({
      source: { kind: 'braze', segmentId: SEGMENT.apiId, segmentName: SEGMENT.name },
      plan: { kind: 'per-field', keys: ['EMAIL', 'PHONE'] },
      batchSize: 100,
    });
    expect(created.status, await created.clone().text()).toBe(202);
    const done = await relay.ended(((await created.json()) as { id: string }).id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.source).toEqual({ kind: 'braze', name: SEGMENT.name });
    const [email, phone] = done.audiences;
    expect(email?.name).toBe(`${SEGMENT.name} — Email`);
    const emailRows = await relay.control.audienceRows(email?.facebookAudienceId ?? '');
    expect(emailRows.schemas[0]?.rows.sort()).toEqual(expectedRows('EMAIL', 'email'));
    const phoneRows = await relay.control.audienceRows(phone?.facebookAudienceId ?? '');
    expect(phoneRows.schemas[0]?.rows.sort()).toEqual(expectedRows('PHONE', 'phone'));
    expect(done.report?.users.read).toBe(SEGMENT.size);
    // The encrypted snapshot of the Braze export is gone with the export.
    expect(readdirSync(join(relay.dataDir, 'spool'), { recursive: true })).not.toContainEqual(
      expect.stringMatching(/braze-/),
    );
  });

  it('refuses a Braze export before the workspace connected Braze', async () => {
    const relay = await start();
    const created = await relay.startExport({
      source: { kind: 'braze', segmentId: SEGMENT.apiId },
      plan: { kind: 'per-field', keys: ['EMAIL'] },
    });
    expect(await errorCode(created)).toBe('braze_not_configured');
  });
});
