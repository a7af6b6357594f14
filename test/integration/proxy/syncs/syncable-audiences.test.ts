import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID, DEMO_AUDIENCES } from '../../../../sandbox/graph/demo-world.ts';
import { syncableAudiencesResponse } from '../../../../shared/relay-api/syncs.ts';
import { errorCode } from '../support/test-relay.ts';
import { useSyncRelay } from './sync-harness.ts';

const start = useSyncRelay();

const listFor = async (relay: Awaited<ReturnType<typeof start>>, adAccountId: string) => {
  const response = await relay.expectStatus(
    relay.call(`/v1/facebook/ad-accounts/${adAccountId}/syncable-audiences`, {
      token: relay.marketerToken,
    }),
    200,
  );
  return syncableAudiencesResponse.parse(await response.json()).audiences;
};

describe('GET /v1/facebook/ad-accounts/{adAccountId}/syncable-audiences', () => {
  it("lists the account's customer lists, each usable or with the reason why not", async () => {
    const relay = await start();
    const audiences = await listFor(relay, `act_${DEMO_AD_ACCOUNT_ID}`);
    const byId = new Map(audiences.map((audience) => [audience.id, audience]));
    // Lookalikes are not customer lists.
    expect(byId.has(DEMO_AUDIENCES.lookalike)).toBe(false);
    expect(byId.get(DEMO_AUDIENCES.newsletter)).toEqual({
      id: DEMO_AUDIENCES.newsletter,
      name: 'Newsletter subscribers',
      approximateCount: 4900,
      usable: true,
      reason: null,
    });
    expect(byId.get(DEMO_AUDIENCES.lapsed)).toMatchObject({ usable: true, reason: null });
    expect(byId.get(DEMO_AUDIENCES.valueBased)).toMatchObject({
      usable: false,
      reason: {
        code: 'facebook_value_based_audience_not_supported',
        message: expect.stringContaining('without the Value column'),
      },
    });
    expect(byId.get(DEMO_AUDIENCES.flagged)).toMatchObject({
      usable: false,
      reason: { code: 'facebook_audience_integrity_flagged' },
    });
    expect(await listFor(relay, DEMO_AD_ACCOUNT_ID)).toEqual(audiences);
  });

  it('marks audiences the token may see but not edit', async () => {
    const relay = await start();
    const { adAccountId, audienceId } = await relay.viewOnlyAudience();
    expect(await listFor(relay, adAccountId)).toEqual([
      expect.objectContaining({
        id: audienceId,
        usable: false,
        reason: expect.objectContaining({ code: 'facebook_audience_not_editable' }),
      }),
    ]);
  });

  it('refuses a malformed id, and says so without a Facebook connection', async () => {
    const relay = await start();
    const malformed = await relay.call('/v1/facebook/ad-accounts/act_abc/syncable-audiences', {
      token: relay.token,
    });
    expect(malformed.status).toBe(400);
    const other = await relay.workspaceWithUsers('Not connected');
    const response = await relay.call(
      `/v1/facebook/ad-accounts/${DEMO_AD_ACCOUNT_ID}/syncable-audiences`,
      { token: other.marketerToken },
    );
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('facebook_not_connected');
  });
});
