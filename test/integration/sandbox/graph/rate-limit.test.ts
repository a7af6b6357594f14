import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID, DEMO_AUDIENCES } from '../../../../sandbox/graph/demo-world.ts';
import { graphError, hashedEmails, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
const LIST = `act_${DEMO_AD_ACCOUNT_ID}/customaudiences`;

const bucUsage = (headers: Headers) =>
  JSON.parse(headers.get('x-business-use-case-usage') ?? 'null') as Record<
    string,
    {
      type: string;
      call_count: number;
      total_cputime: number;
      total_time: number;
      estimated_time_to_regain_access: number;
    }[]
  >;

describe('custom_audience rate limiting (reference §7)', () => {
  it('reports usage per ad account on every custom-audience call', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ callsPerHour: 10 });
    const answer = await graph(LIST);
    expect(bucUsage(answer.headers)).toEqual({
      [DEMO_AD_ACCOUNT_ID]: [
        {
          type: 'custom_audience',
          call_count: 10,
          total_cputime: 10,
          total_time: 10,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
    expect(JSON.parse(answer.headers.get('x-ad-account-usage') ?? '{}')).toEqual({
      acc_id_util_pct: 10,
      reset_time_duration: 3600,
      ads_api_access_tier: 'development_access',
    });
    // Platform usage is reported too, though Marketing API calls don't count toward it.
    expect(JSON.parse(answer.headers.get('x-app-usage') ?? '{}')).toEqual({
      call_count: 0,
      total_time: 0,
      total_cputime: 0,
    });
  });

  it('uses the Dev tier formula by default: 5000 + 40 × live audiences', async () => {
    const { control, graph } = await startGraph();
    await graph(LIST);
    expect(await control.usage(DEMO_AD_ACCOUNT_ID)).toMatchObject({
      quota: 5000 + 40 * 5,
      callCount: 0,
    });
  });

  it('charges uploads for their rows: cputime climbs faster than calls', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ callsPerHour: 100 });
    const answer = await graph(`${DEMO_AUDIENCES.newsletter}/users`, {
      method: 'POST',
      encoding: 'json',
      params: {
        payload: { schema: 'EMAIL_SHA256', data: hashedEmails(10_000) },
        session: { session_id: 1, batch_seq: 1, last_batch_flag: true },
      },
    });
    const [usage] = bucUsage(answer.headers)[DEMO_AD_ACCOUNT_ID] ?? [];
    // One call of 100; 1 + 10,000/1,000 = 11 work units of 100.
    expect(usage).toMatchObject({ call_count: 1, total_cputime: 11, total_time: 11 });
  });

  it('answers 80003/2446079 once the quota is spent, with the minutes to wait', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ adAccountId: DEMO_AD_ACCOUNT_ID, callsPerHour: 3 });
    for (let i = 0; i < 3; i++) {
      expect((await graph(LIST)).status).toBe(200);
      await control.advanceClock(60);
    }
    const throttled = await graph(LIST);
    expect(throttled.status).toBe(400);
    expect(graphError(throttled)).toMatchObject({
      code: 80003,
      error_subcode: 2446079,
      type: 'OAuthException',
      message:
        '(#80003) There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#custom-audience.',
    });
    const [usage] = bucUsage(throttled.headers)[DEMO_AD_ACCOUNT_ID] ?? [];
    // Calls at minutes 0, 1, 2 and the refused one at 3 (refused calls count too, as Meta
    // warns): below the quota again once the calls of minutes 0 and 1 leave the window.
    expect(usage).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 58 });
    await control.advanceClock(57 * 60);
    expect(graphError(await graph(LIST)).code).toBe(80003);
    await control.advanceClock(2 * 60);
    expect((await graph(LIST)).status).toBe(200);
  });

  it('throttles each ad account on its own', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ adAccountId: DEMO_AD_ACCOUNT_ID, callsPerHour: 1 });
    await graph(LIST);
    expect(graphError(await graph(LIST)).code).toBe(80003);
    const own = await graph(`act_2039485761/customaudiences`);
    expect(own.status).toBe(200);
  });

  it('returns to the formula when the quota is cleared', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ callsPerHour: 1 });
    await graph(LIST);
    expect(graphError(await graph(LIST)).code).toBe(80003);
    await control.setQuota({ callsPerHour: null });
    expect((await graph(LIST)).status).toBe(200);
  });
});

describe('platform usage', () => {
  it('sends X-App-Usage on Graph calls and answers code 4 past the app quota', async () => {
    const { graph, control } = await startGraph();
    await control.setQuota({ appCallsPerHour: 4 });
    const first = await graph('me');
    expect(JSON.parse(first.headers.get('x-app-usage') ?? '{}')).toEqual({
      call_count: 25,
      total_time: 25,
      total_cputime: 25,
    });
    for (let i = 0; i < 3; i++) await graph('me');
    const refused = await graph('me');
    expect(graphError(refused)).toMatchObject({
      code: 4,
      message: '(#4) Application request limit reached',
    });
    // Marketing API calls are not counted against the platform quota.
    expect((await graph(LIST)).status).toBe(200);
  });
});
