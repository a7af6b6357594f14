import { describe, expect, it } from 'vitest';
import { exportAudienceMarker } from '../../../../proxy/jobs/export-audiences.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { useExportRelay, usersCsv } from './export-harness.ts';

const start = useExportRelay();
const EMAIL_AND_PHONE = { plan: { kind: 'per-field', keys: ['EMAIL', 'PHONE'] } };

type Relay = Awaited<ReturnType<typeof start>>;

/** The live customer-file audiences of the demo ad account named `name`. */
async function audiencesNamed(relay: Relay, name: string) {
  return (await relay.control.state()).audiences.filter(
    (audience) =>
      audience.accountId === DEMO_AD_ACCOUNT_ID &&
      audience.subtype === 'CUSTOM' &&
      !audience.deleted &&
      audience.name === name,
  );
}

describe('an audience Meta created but the relay never recorded', () => {
  it('is found by its marker on resume and filled, never created twice', async () => {
    const relay = await start();
    // Meta creates the first audience, then the connection drops before its answer arrives.
    await relay.control.addFault({
      kind: 'drop-after',
      method: 'POST',
      path: '/customaudiences$',
    });
    const created = await relay.exportFile(usersCsv(12), EMAIL_AND_PHONE);
    const stopped = await relay.ended(created.id);
    expect(stopped).toMatchObject({ status: 'failed', resumable: true, audiences: [] });
    const [stray, ...others] = await audiencesNamed(relay, 'Spring buyers — Email');
    expect(stray).toBeDefined();
    expect(others).toEqual([]);

    const resumed = await relay.call(`/v1/exports/${created.id}/resume`, {
      method: 'POST',
      token: relay.token,
    });
    expect(resumed.status).toBe(202);
    const done = await relay.ended(created.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(await audiencesNamed(relay, 'Spring buyers — Email')).toHaveLength(1);
    expect(await audiencesNamed(relay, 'Spring buyers — Phone number')).toHaveLength(1);
    expect(done.audiences.map((audience) => audience.facebookAudienceId)[0]).toBe(stray?.id);
    expect((await relay.control.audienceRows(stray?.id ?? '')).count).toBe(12);
    const creates = await relay.control.requests({ method: 'POST', path: 'customaudiences' });
    expect(creates).toHaveLength(2);
  });

  it("never adopts another export's audience, even of the same name", async () => {
    const relay = await start();
    const other = await relay.control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Spring buyers — Email',
      description: `Exported by Audience Relay ${exportAudienceMarker('5d0c1f3e-0000-4000-8000-000000000000', 'EMAIL')}`,
    });
    const done = await relay.ended(
      (await relay.exportFile(usersCsv(3), { plan: { kind: 'per-field', keys: ['EMAIL'] } })).id,
    );
    expect(done.status).toBe('done');
    expect(done.audiences[0]?.facebookAudienceId).not.toBe(other.id);
    expect(await audiencesNamed(relay, 'Spring buyers — Email')).toHaveLength(2);
    expect((await relay.control.audienceRows(other.id)).count).toBe(0);
  });
});
