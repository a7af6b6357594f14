import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import { expectedAudienceRows } from '../../../support/braze-audience-rows.ts';
import { errorCode } from '../support/test-relay.ts';
import { connectBrazeEmulator, useExportRelay } from './export-harness.ts';

const start = useExportRelay();
const SEGMENT = DEMO_SEGMENT['cart-web'];

/** The relay and Graph emulator of `useExportRelay`, plus the Braze emulator, connected. */
async function withBraze() {
  const relay = await start();
  await connectBrazeEmulator(relay, { exportDelayMs: 0, usersPerFile: 100 });
  return relay;
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
    expect(emailRows.schemas[0]?.rows.sort()).toEqual(
      expectedAudienceRows(SEGMENT, 'EMAIL', 'email'),
    );
    const phoneRows = await relay.control.audienceRows(phone?.facebookAudienceId ?? '');
    expect(phoneRows.schemas[0]?.rows.sort()).toEqual(
      expectedAudienceRows(SEGMENT, 'PHONE', 'phone'),
    );
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
