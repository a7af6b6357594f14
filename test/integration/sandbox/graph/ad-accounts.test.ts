import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AGENCY_AD_ACCOUNT_ID,
  DEMO_AGENCY_BUSINESS_ID,
  DEMO_BUSINESS_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
  DEMO_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();

const ALL_FIELDS =
  'id,account_id,name,account_status,business{id,name},user_tasks,tos_accepted,currency,timezone_name';

describe('/me', () => {
  it('answers id and name by default, and only the fields asked for', async () => {
    const { graph } = await startGraph();
    expect((await graph('me')).body).toEqual({ id: DEMO_USER_ID, name: 'Dana Demo' });
    expect((await graph('me', { params: { fields: 'id' } })).body).toEqual({ id: DEMO_USER_ID });
  });

  it('refuses fields a node does not have', async () => {
    const { graph } = await startGraph();
    const answer = await graph('me', { params: { fields: 'id,email_address' } });
    expect(graphError(answer)).toMatchObject({
      code: 100,
      message: '(#100) Tried accessing nonexisting field (email_address) on node type (User)',
    });
  });

  it('lists the businesses the person works in (needs business_management)', async () => {
    const { graph, control } = await startGraph();
    expect((await graph('me/businesses')).body.data).toEqual([
      { id: DEMO_BUSINESS_ID, name: 'Northwind Outfitters' },
      { id: DEMO_AGENCY_BUSINESS_ID, name: 'Bluebird Agency' },
    ]);
    const narrow = await control.issueToken({ personId: DEMO_USER_ID, scopes: ['ads_read'] });
    expect(graphError(await graph('me/businesses', { token: narrow.token })).code).toBe(200);
  });
});

describe('/me/adaccounts', () => {
  it('lists the accounts with the requested fields (reference §2.1)', async () => {
    const { graph } = await startGraph();
    const { body } = await graph('me/adaccounts', { params: { fields: ALL_FIELDS } });
    expect(body.data).toEqual([
      {
        id: `act_${DEMO_AD_ACCOUNT_ID}`,
        account_id: DEMO_AD_ACCOUNT_ID,
        name: 'Northwind US',
        account_status: 1,
        business: { id: DEMO_BUSINESS_ID, name: 'Northwind Outfitters' },
        user_tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'],
        tos_accepted: { custom_audience_tos: 1 },
        currency: 'USD',
        timezone_name: 'America/Los_Angeles',
      },
      {
        id: `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
        account_id: DEMO_NO_TOS_AD_ACCOUNT_ID,
        name: 'Northwind EU',
        account_status: 1,
        business: { id: DEMO_BUSINESS_ID, name: 'Northwind Outfitters' },
        user_tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'],
        tos_accepted: {},
        currency: 'EUR',
        timezone_name: 'Europe/Berlin',
      },
      {
        id: `act_${DEMO_AGENCY_AD_ACCOUNT_ID}`,
        account_id: DEMO_AGENCY_AD_ACCOUNT_ID,
        name: 'Bluebird Client Ads',
        account_status: 1,
        business: { id: DEMO_AGENCY_BUSINESS_ID, name: 'Bluebird Agency' },
        user_tasks: ['ADVERTISE', 'ANALYZE'],
        tos_accepted: { custom_audience_tos: 1 },
        currency: 'GBP',
        timezone_name: 'Europe/London',
      },
    ]);
  });

  it('answers account_id and id when no fields are asked for', async () => {
    const { graph } = await startGraph();
    const { body } = await graph('me/adaccounts');
    expect(body.data[0]).toEqual({
      account_id: DEMO_AD_ACCOUNT_ID,
      id: `act_${DEMO_AD_ACCOUNT_ID}`,
    });
  });

  it('pages with cursors and absolute next/previous links on its own origin', async () => {
    const { graph, url } = await startGraph();
    const first = await graph('me/adaccounts', { params: { limit: 2, fields: 'id' } });
    expect(first.body.data.map((account: { id: string }) => account.id)).toEqual([
      `act_${DEMO_AD_ACCOUNT_ID}`,
      `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
    ]);
    const { cursors, next, previous } = first.body.paging;
    expect(cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(previous).toBeUndefined();
    const nextUrl = new URL(next);
    expect(nextUrl.origin).toBe(url);
    expect(nextUrl.pathname).toBe('/v26.0/me/adaccounts');
    expect(nextUrl.searchParams.get('after')).toBe(cursors.after);
    expect(nextUrl.searchParams.get('access_token')).toBe(DEMO_USER_TOKEN);

    // The link works as is: it carries the token and its proof.
    const second = (await (await fetch(next)).json()) as {
      data: { id: string }[];
      paging: { next?: string; previous?: string };
    };
    expect(second.data).toEqual([{ id: `act_${DEMO_AGENCY_AD_ACCOUNT_ID}` }]);
    expect(second.paging.next).toBeUndefined();
    const back = (await (await fetch(second.paging.previous ?? '')).json()) as {
      data: { id: string }[];
    };
    expect(back.data.map((account) => account.id)).toEqual([
      `act_${DEMO_AD_ACCOUNT_ID}`,
      `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
    ]);
  });

  it('refuses a broken cursor and a bad limit', async () => {
    const { graph } = await startGraph();
    expect(graphError(await graph('me/adaccounts', { params: { after: 'bm9wZQ' } })).code).toBe(
      100,
    );
    expect(graphError(await graph('me/adaccounts', { params: { limit: 0 } })).code).toBe(100);
  });

  it('shows a system user the accounts assigned to it', async () => {
    const { graph } = await startGraph();
    const { body } = await graph('me/adaccounts', {
      token: DEMO_SYSTEM_USER_TOKEN,
      params: { fields: 'id,user_tasks' },
    });
    expect(body.data).toEqual([
      { id: `act_${DEMO_AD_ACCOUNT_ID}`, user_tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'] },
      { id: `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`, user_tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'] },
    ]);
  });

  it('needs ads_read or ads_management', async () => {
    const { graph, control } = await startGraph();
    const token = await control.issueToken({ personId: DEMO_USER_ID, scopes: ['public_profile'] });
    expect(graphError(await graph('me/adaccounts', { token: token.token })).code).toBe(200);
  });
});

describe('/act_<id>', () => {
  it('answers the terms check of reference §3.6', async () => {
    const { graph } = await startGraph();
    const accepted = await graph(`act_${DEMO_AD_ACCOUNT_ID}`, {
      params: { fields: 'tos_accepted' },
    });
    expect(accepted.body).toEqual({
      tos_accepted: { custom_audience_tos: 1 },
      id: `act_${DEMO_AD_ACCOUNT_ID}`,
    });
    const refused = await graph(`act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`, {
      params: { fields: 'tos_accepted,user_tos_accepted' },
    });
    expect(refused.body).toEqual({
      tos_accepted: {},
      user_tos_accepted: {},
      id: `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
    });
  });

  it('follows the control API when terms are accepted or withdrawn', async () => {
    const { graph, control } = await startGraph();
    await control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    const answer = await graph(`act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`, {
      params: { fields: 'tos_accepted' },
    });
    expect(answer.body.tos_accepted).toEqual({ custom_audience_tos: 1 });
  });

  it('hides accounts the caller has no task on behind 100/33', async () => {
    const { graph, control } = await startGraph();
    const hidden = await control.createAdAccount({ name: 'Not yours' });
    for (const id of [hidden.id, '123456789']) {
      const error = graphError(await graph(`act_${id}`));
      expect(error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
      expect(error.message).toBe(
        `Unsupported get request. Object with ID 'act_${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      );
    }
    const system = await graph(`act_${DEMO_AGENCY_AD_ACCOUNT_ID}`, {
      token: DEMO_SYSTEM_USER_TOKEN,
    });
    expect(graphError(system).error_subcode).toBe(33);
  });
});
