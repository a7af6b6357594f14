import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AGENCY_AD_ACCOUNT_ID,
  DEMO_AUDIENCES,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, START, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
type Started = Awaited<ReturnType<typeof startGraph>>;

const EDGE = `act_${DEMO_AD_ACCOUNT_ID}/customaudiences`;
const customer = {
  name: 'Spring buyers',
  subtype: 'CUSTOM',
  description: 'Bought in spring',
  customer_file_source: 'USER_PROVIDED_ONLY',
};

const create = (started: Started, params: Record<string, unknown>, edge = EDGE) =>
  started.graph(edge, { method: 'POST', params });

describe('creating customer-file audiences', () => {
  it('creates one and reads it back (reference §3.1, §3.3)', async () => {
    const started = await startGraph();
    const created = await create(started, { ...customer, retention_days: 30 });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: expect.stringMatching(/^238\d{14}$/) });
    const read = await started.graph(created.body.id, {
      params: {
        fields:
          'id,account_id,name,description,subtype,customer_file_source,approximate_count_lower_bound,approximate_count_upper_bound,operation_status,delivery_status,data_source,permission_for_actions,is_value_based,retention_days,time_created,time_updated,time_content_updated',
      },
    });
    const now = Math.floor(START.getTime() / 1000);
    expect(read.body).toEqual({
      id: created.body.id,
      account_id: DEMO_AD_ACCOUNT_ID,
      name: 'Spring buyers',
      description: 'Bought in spring',
      subtype: 'CUSTOM',
      customer_file_source: 'USER_PROVIDED_ONLY',
      approximate_count_lower_bound: 0,
      approximate_count_upper_bound: 0,
      operation_status: { code: 410, description: expect.stringContaining('No upload') },
      delivery_status: { code: 300, description: expect.stringContaining('cannot be used') },
      data_source: { type: 'UNKNOWN', sub_type: 'ANYTHING', creation_params: '[]' },
      permission_for_actions: {
        can_edit: true,
        can_see_insight: true,
        can_share: true,
        subtype_supports_lookalike: true,
        supports_recipient_lookalike: false,
      },
      is_value_based: false,
      retention_days: 30,
      time_created: now,
      time_updated: now,
      time_content_updated: 0,
    });
  });

  it('parses JSON-string form values (audience_labels) and is_value_based', async () => {
    const started = await startGraph();
    const created = await create(started, {
      ...customer,
      is_value_based: 'true',
      audience_labels: '["HIGH_VALUE_CUSTOMERS"]',
    });
    expect(created.status).toBe(200);
    const read = await started.graph(created.body.id, { params: { fields: 'is_value_based' } });
    expect(read.body.is_value_based).toBe(true);
    const bad = await create(started, { ...customer, audience_labels: '["NOPE"]' });
    expect(graphError(bad).code).toBe(100);
  });

  it.each([
    ['no name', { name: undefined }, 'The parameter name is required'],
    ['no subtype', { subtype: undefined }, 'The parameter subtype is required'],
    ['an unsupported subtype', { subtype: 'WEBSITE' }, 'subtype WEBSITE'],
    [
      'no customer_file_source',
      { customer_file_source: undefined },
      'customer_file_source is required',
    ],
    ['an unknown customer_file_source', { customer_file_source: 'SCRAPED' }, 'must be one of'],
    ['a non-boolean is_value_based', { is_value_based: 'maybe' }, 'is_value_based'],
    ['retention beyond 180 days', { retention_days: 181 }, 'retention_days'],
  ])('refuses %s', async (_, change, text) => {
    const started = await startGraph();
    const params = Object.fromEntries(
      Object.entries({ ...customer, ...change }).filter(([, value]) => value !== undefined),
    );
    const error = graphError(await create(started, params));
    expect(error.code).toBe(100);
    expect(error.message).toContain(text);
  });

  it('refuses without the Custom Audience terms (200/1870034 with the user texts)', async () => {
    const started = await startGraph();
    const answer = await create(
      started,
      customer,
      `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}/customaudiences`,
    );
    expect(answer.status).toBe(400);
    expect(graphError(answer)).toMatchObject({
      code: 200,
      error_subcode: 1870034,
      error_user_title: 'Custom Audience Terms Not Accepted',
      error_user_msg:
        "You'll need to agree to the Custom Audience terms before you can create or edit an audience or an ad set.",
    });
    await started.control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    const retried = await create(
      started,
      customer,
      `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}/customaudiences`,
    );
    expect(retried.status).toBe(200);
  });

  it('needs ads_management (294)', async () => {
    const started = await startGraph();
    const token = await started.control.issueToken({
      personId: DEMO_USER_ID,
      scopes: ['ads_read', 'public_profile'],
    });
    const error = graphError(
      await started.graph(EDGE, { method: 'POST', token: token.token, params: customer }),
    );
    expect(error.code).toBe(294);
    expect(error.message).toContain('ads_management');
  });

  it('needs a write task on the account (2654/1713092), and any task to see it (100/33)', async () => {
    const started = await startGraph();
    await started.control.updateAdAccount(DEMO_AGENCY_AD_ACCOUNT_ID, {
      tasks: { [DEMO_USER_ID]: ['ANALYZE'] },
    });
    const readOnly = await create(
      started,
      customer,
      `act_${DEMO_AGENCY_AD_ACCOUNT_ID}/customaudiences`,
    );
    expect(graphError(readOnly)).toMatchObject({ code: 2654, error_subcode: 1713092 });
    const hidden = await started.control.createAdAccount({ name: 'Hidden' });
    const none = await create(started, customer, `act_${hidden.id}/customaudiences`);
    expect(graphError(none)).toMatchObject({ code: 100, error_subcode: 33 });
    expect(graphError(none).message).toMatch(/^Unsupported post request\./);
  });

  it('lets a system user assigned to the account create audiences', async () => {
    const started = await startGraph();
    const answer = await started.graph(EDGE, {
      method: 'POST',
      token: DEMO_SYSTEM_USER_TOKEN,
      params: customer,
    });
    expect(answer.status).toBe(200);
  });

  it('stops at 500 customer-file audiences per ad account (2654, strict)', async () => {
    const started = await startGraph();
    const account = await started.control.createAdAccount({
      name: 'Busy',
      tasks: { [DEMO_USER_ID]: ['MANAGE'] },
    });
    for (let i = 0; i < 499; i++) {
      await started.control.createAudience({ accountId: account.id, name: `A${i}` });
    }
    const edge = `act_${account.id}/customaudiences`;
    const last = await create(started, { ...customer, name: 'A499' }, edge);
    expect(last.status).toBe(200);
    const over = await create(started, { ...customer, name: 'A500' }, edge);
    expect(graphError(over)).toMatchObject({
      code: 2654,
      error_user_title: 'Audience Limit Reached',
    });
    expect(graphError(over).message).toContain('500');
    // Deleting one makes room again.
    expect((await started.graph(last.body.id, { method: 'DELETE' })).body).toEqual({
      success: true,
    });
    expect((await create(started, { ...customer, name: 'A500' }, edge)).status).toBe(200);
  });

  it('fetches instead of creating with enable_fetch_or_create and a known name', async () => {
    const started = await startGraph();
    const first = await create(started, customer);
    const again = await create(started, { ...customer, enable_fetch_or_create: true });
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('listing audiences', () => {
  it('lists ids only by default, newest first', async () => {
    const { graph } = await startGraph();
    const { body } = await graph(EDGE);
    expect(body.data).toEqual([
      { id: DEMO_AUDIENCES.lookalike },
      { id: DEMO_AUDIENCES.lapsed },
      { id: DEMO_AUDIENCES.flagged },
      { id: DEMO_AUDIENCES.valueBased },
      { id: DEMO_AUDIENCES.newsletter },
    ]);
  });

  it('honours fields and limit, and pages with cursors', async () => {
    const { graph } = await startGraph();
    const first = await graph(EDGE, {
      params: { fields: 'name,subtype,is_value_based,operation_status', limit: 3 },
    });
    expect(first.body.data).toEqual([
      {
        id: DEMO_AUDIENCES.lookalike,
        name: 'Lookalike (US, 1%) - Newsletter subscribers',
        subtype: 'LOOKALIKE',
        is_value_based: false,
        operation_status: { code: 200, description: 'Normal' },
      },
      {
        id: DEMO_AUDIENCES.lapsed,
        name: 'Lapsed buyers',
        subtype: 'CUSTOM',
        is_value_based: false,
        operation_status: { code: 200, description: 'Normal' },
      },
      {
        id: DEMO_AUDIENCES.flagged,
        name: 'Diabetes care prospects',
        subtype: 'CUSTOM',
        is_value_based: false,
        operation_status: { code: 471, description: expect.stringContaining('health, financial') },
      },
    ]);
    const second = (await (await fetch(first.body.paging.next)).json()) as {
      data: { id: string; is_value_based: boolean }[];
      paging: { next?: string };
    };
    expect(second.data.map((audience) => audience.id)).toEqual([
      DEMO_AUDIENCES.valueBased,
      DEMO_AUDIENCES.newsletter,
    ]);
    expect(second.data[0]?.is_value_based).toBe(true);
    expect(second.paging.next).toBeUndefined();
  });

  it('computes approximate counts from the rows held', async () => {
    const { graph } = await startGraph();
    const { body } = await graph(DEMO_AUDIENCES.newsletter, {
      params: {
        fields: 'approximate_count_lower_bound,approximate_count_upper_bound,delivery_status',
      },
    });
    expect(body).toMatchObject({
      approximate_count_lower_bound: 4900,
      approximate_count_upper_bound: 5100,
      delivery_status: { code: 200, description: 'This audience is ready for use.' },
    });
  });

  it('refuses unknown audience fields', async () => {
    const { graph } = await startGraph();
    const error = graphError(await graph(EDGE, { params: { fields: 'id,approximate_count' } }));
    expect(error.message).toBe(
      '(#100) Tried accessing nonexisting field (approximate_count) on node type (CustomAudience)',
    );
  });
});

describe('updating and deleting', () => {
  it('updates name, description and retention', async () => {
    const started = await startGraph();
    const { id } = (await create(started, customer)).body;
    await started.control.advanceClock(60);
    const updated = await started.graph(id, {
      method: 'POST',
      params: { name: 'Renamed', description: 'New words', retention_days: 90 },
    });
    expect(updated.body).toEqual({ success: true });
    const read = await started.graph(id, {
      params: { fields: 'name,description,retention_days,time_updated,time_created' },
    });
    expect(read.body).toMatchObject({
      name: 'Renamed',
      description: 'New words',
      retention_days: 90,
    });
    expect(read.body.time_updated).toBe(read.body.time_created + 60);
    const error = graphError(
      await started.graph(id, { method: 'POST', params: { is_value_based: true } }),
    );
    expect(error.code).toBe(100);
  });

  it('refuses edits of a flagged audience (100/1713231)', async () => {
    const { graph } = await startGraph();
    const answer = await graph(DEMO_AUDIENCES.flagged, { method: 'POST', params: { name: 'x' } });
    expect(graphError(answer)).toMatchObject({ code: 100, error_subcode: 1713231 });
  });

  it('refuses to delete a seed while its lookalikes exist (2656)', async () => {
    const { graph } = await startGraph();
    const refused = await graph(DEMO_AUDIENCES.newsletter, { method: 'DELETE' });
    expect(graphError(refused)).toMatchObject({
      code: 2656,
      message: '(#2656) Failed to delete custom audience because associated lookalikes exist',
    });
    expect((await graph(DEMO_AUDIENCES.lookalike, { method: 'DELETE' })).body).toEqual({
      success: true,
    });
    expect((await graph(DEMO_AUDIENCES.newsletter, { method: 'DELETE' })).body).toEqual({
      success: true,
    });
  });

  it('deletes with POST method=DELETE too, after which the audience answers 100/33', async () => {
    const started = await startGraph();
    const { id } = (await create(started, customer)).body;
    const deleted = await started.graph(id, { method: 'POST', params: { method: 'DELETE' } });
    expect(deleted.body).toEqual({ success: true });
    const post = graphError(await started.graph(id, { method: 'POST', params: { name: 'x' } }));
    expect(post).toMatchObject({ code: 100, error_subcode: 33 });
    expect(post.message).toMatch(
      new RegExp(`^Unsupported post request\\. Object with ID '${id}' does not exist`),
    );
    const get = graphError(await started.graph(id));
    expect(get.message).toMatch(/^Unsupported get request\./);
    const list = await started.graph(EDGE);
    expect(list.body.data.map((audience: { id: string }) => audience.id)).not.toContain(id);
  });

  it('answers 100/33 for an audience deleted behind the client’s back', async () => {
    const { graph, control } = await startGraph();
    await control.deleteAudience(DEMO_AUDIENCES.lapsed);
    expect(graphError(await graph(DEMO_AUDIENCES.lapsed))).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
  });
});

describe('lookalikes (reference §3.5)', () => {
  const lookalike = (spec: unknown, origin: string = DEMO_AUDIENCES.newsletter) => ({
    name: 'Lookalike',
    subtype: 'LOOKALIKE',
    origin_audience_id: origin,
    lookalike_spec: JSON.stringify(spec),
  });

  it('creates one from a big enough seed and links it', async () => {
    const started = await startGraph();
    const created = await create(
      started,
      lookalike({ ratio: 0.05, starting_ratio: 0.01, country: 'GB' }),
    );
    expect(created.status).toBe(200);
    const read = await started.graph(created.body.id, {
      params: { fields: 'subtype,lookalike_spec,approximate_count_lower_bound' },
    });
    expect(read.body.subtype).toBe('LOOKALIKE');
    expect(read.body.lookalike_spec).toMatchObject({
      type: 'custom_ratio',
      ratio: 0.05,
      starting_ratio: 0.01,
      country: 'GB',
      origin: [
        { id: DEMO_AUDIENCES.newsletter, name: 'Newsletter subscribers', type: 'custom_audience' },
      ],
    });
    const seed = await started.graph(DEMO_AUDIENCES.newsletter, {
      params: { fields: 'lookalike_audience_ids' },
    });
    expect(seed.body.lookalike_audience_ids).toEqual([DEMO_AUDIENCES.lookalike, created.body.id]);
  });

  it.each([
    ['type and ratio together', { type: 'similarity', ratio: 0.02, country: 'US' }],
    ['neither type nor ratio', { country: 'US' }],
    ['a ratio above 20 %', { ratio: 0.25, country: 'US' }],
    ['a ratio below 1 %', { ratio: 0.005, country: 'US' }],
    ['a ratio off the 1 % steps', { ratio: 0.015, country: 'US' }],
    ['a starting_ratio not below ratio', { ratio: 0.02, starting_ratio: 0.02, country: 'US' }],
    ['no country or location', { ratio: 0.02 }],
    [
      'both country and location',
      { ratio: 0.02, country: 'US', location_spec: { geo_locations: { countries: ['US'] } } },
    ],
    ['a lowercase country', { ratio: 0.02, country: 'us' }],
    ['an unknown type', { type: 'closest', country: 'US' }],
  ])('refuses a spec with %s', async (_, spec) => {
    const started = await startGraph();
    const error = graphError(await create(started, lookalike(spec)));
    expect(error.code).toBe(100);
    expect(error.message).toContain('Invalid lookalike_spec');
  });

  it('accepts a location_spec with countries', async () => {
    const started = await startGraph();
    const spec = { type: 'reach', location_spec: { geo_locations: { countries: ['US', 'CA'] } } };
    expect((await create(started, lookalike(spec))).status).toBe(200);
  });

  it('needs a seed of at least 100 people', async () => {
    const started = await startGraph();
    const small = await started.control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Tiny',
      members: 99,
    });
    const error = graphError(
      await create(started, lookalike({ ratio: 0.01, country: 'US' }, small.id)),
    );
    expect(error).toMatchObject({ code: 2654, error_user_title: 'Source Audience Is Too Small' });
    const enough = await started.control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Enough',
      members: 100,
    });
    expect(
      (await create(started, lookalike({ ratio: 0.01, country: 'US' }, enough.id))).status,
    ).toBe(200);
  });

  it('refuses a flagged seed (100/1713232) and a seed that is not a customer file', async () => {
    const started = await startGraph();
    const flagged = await create(
      started,
      lookalike({ ratio: 0.01, country: 'US' }, DEMO_AUDIENCES.flagged),
    );
    expect(graphError(flagged)).toMatchObject({ code: 100, error_subcode: 1713232 });
    const fromLookalike = await create(
      started,
      lookalike({ ratio: 0.01, country: 'US' }, DEMO_AUDIENCES.lookalike),
    );
    expect(graphError(fromLookalike).code).toBe(100);
  });
});
