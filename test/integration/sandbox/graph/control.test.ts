import { describe, expect, it } from 'vitest';
import { appsecretProof } from '../../../../sandbox/graph/appsecret-proof.ts';
import { ControlApiError } from '../../../../sandbox/graph/control-client.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_APP_ID,
  DEMO_APP_SECRET,
  DEMO_AUDIENCES,
  DEMO_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, sha256, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();

describe('control API', () => {
  it('builds a world from scratch that the Graph side serves', async () => {
    const { control, graph } = await startGraph();
    const app = await control.createApp({
      name: 'Acme Sync',
      redirectUris: [],
      requireProof: true,
    });
    expect(app).toMatchObject({
      id: expect.stringMatching(/^\d{15}$/),
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const business = await control.createBusiness({ name: 'Acme Inc' });
    const user = await control.createUser({ name: 'Ada Admin' });
    const system = await control.createSystemUser({ name: 'Acme Bot', businessId: business.id });
    const account = await control.createAdAccount({
      name: 'Acme US',
      businessId: business.id,
      tasks: { [user.id]: ['MANAGE'], [system.id]: ['ADVERTISE'] },
    });
    const userToken = await control.issueToken({
      appId: app.id,
      personId: user.id,
      scopes: ['ads_management'],
    });
    const systemToken = await control.issueToken({ appId: app.id, personId: system.id });
    expect(userToken.token).toMatch(/^EAA/);
    expect(systemToken.expiresAt).toBe(0);

    const accounts = await graph('me/adaccounts', {
      token: userToken.token,
      secret: app.secret,
      params: { fields: 'account_id,business{name},user_tasks' },
    });
    expect(accounts.body.data).toEqual([
      {
        account_id: account.id,
        business: { name: 'Acme Inc' },
        user_tasks: ['MANAGE'],
        id: `act_${account.id}`,
      },
    ]);
    const created = await graph(`act_${account.id}/customaudiences`, {
      method: 'POST',
      token: systemToken.token,
      secret: app.secret,
      params: {
        name: 'From the bot',
        subtype: 'CUSTOM',
        customer_file_source: 'USER_PROVIDED_ONLY',
      },
    });
    expect(created.status).toBe(200);
    const state = await control.state();
    expect(state.audiences).toContainEqual(
      expect.objectContaining({
        id: created.body.id,
        accountId: account.id,
        size: 0,
        deleted: false,
      }),
    );
  });

  it('records every Graph call with its token and proof, so the proof can be checked', async () => {
    const { control, graph } = await startGraph();
    await graph('me', { proof: 'timed' });
    await graph(`${DEMO_AUDIENCES.newsletter}/users`, {
      method: 'POST',
      encoding: 'json',
      params: {
        payload: {
          schema: 'EMAIL_SHA256',
          data: Array.from({ length: 30 }, (_, i) => [sha256(`r${i}`)]),
        },
        session: { session_id: 3, batch_seq: 1, last_batch_flag: true },
      },
    });
    const [me] = await control.requests({ path: '/me$' });
    expect(me).toMatchObject({
      method: 'GET',
      path: '/v26.0/me',
      status: 200,
      accessToken: DEMO_USER_TOKEN,
    });
    expect(me?.appsecretProof).toBe(
      appsecretProof(DEMO_APP_SECRET, DEMO_USER_TOKEN, Number(me?.appsecretTime)),
    );
    const [upload] = await control.requests({ path: '/users$', method: 'post' });
    expect(upload).toMatchObject({ status: 200, payloadRowCount: 30 });
    expect(upload?.params.payload).toMatchObject({ data: expect.any(Array) });
    expect((upload?.params.payload as { data?: unknown[] } | undefined)?.data).toHaveLength(20);
    await control.clearRequests();
    expect(await control.requests()).toEqual([]);
  });

  it('records failed calls with their error code', async () => {
    const { control, graph } = await startGraph();
    await graph('me', { proof: 'none' });
    const [record] = await control.requests();
    expect(record).toMatchObject({ status: 400, errorCode: 104 });
  });

  it('marks audiences value-based or flagged, which the Graph side then shows', async () => {
    const { control, graph } = await startGraph();
    await control.updateAudience(DEMO_AUDIENCES.lapsed, {
      isValueBased: true,
      operationStatus: 471,
    });
    const read = await graph(DEMO_AUDIENCES.lapsed, {
      params: {
        fields: 'is_value_based,operation_status,delivery_status,fields_violating_integrity_policy',
      },
    });
    expect(read.body).toMatchObject({
      is_value_based: true,
      operation_status: { code: 471 },
      delivery_status: { code: 400 },
      fields_violating_integrity_policy: ['name'],
    });
  });

  it('resets to the seeded world, with the same ids as before', async () => {
    const { control, graph } = await startGraph();
    const created = await graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
      method: 'POST',
      params: { name: 'Temp', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' },
    });
    await control.deleteAudience(DEMO_AUDIENCES.newsletter);
    await control.advanceClock(3600);
    await control.reset();
    const state = await control.state();
    expect(state.audiences.map((audience) => audience.id)).toEqual(Object.values(DEMO_AUDIENCES));
    expect(state.now).toBe('2026-09-01T12:00:00.000Z');
    expect(await control.requests()).toEqual([]);
    const again = await graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
      method: 'POST',
      params: { name: 'Temp', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' },
    });
    expect(again.body.id).toBe(created.body.id);
  });

  it('is deterministic across emulators with the same seed, and differs with another', async () => {
    const create = async (seed: number) => {
      const { graph } = await startGraph({ seed });
      return (
        await graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
          method: 'POST',
          params: { name: 'Same', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' },
        })
      ).body.id;
    };
    expect(await create(7)).toBe(await create(7));
    expect(await create(8)).not.toBe(await create(7));
  });

  it('can count members without keeping them (retainRows: false)', async () => {
    const { control, graph } = await startGraph({ retainRows: false });
    await graph(`${DEMO_AUDIENCES.newsletter}/users`, {
      method: 'POST',
      encoding: 'json',
      params: {
        payload: { schema: 'EMAIL_SHA256', data: [[sha256('a')], [sha256('b')]] },
        session: { session_id: 3, batch_seq: 1 },
      },
    });
    expect(await control.audienceRows(DEMO_AUDIENCES.newsletter)).toEqual({
      audienceId: DEMO_AUDIENCES.newsletter,
      count: 5002,
      retained: false,
      schemas: [],
    });
  });

  it('takes no Graph token and is not a Graph path', async () => {
    const { url, graph } = await startGraph();
    const withToken = await fetch(`${url}/__sandbox/state?access_token=${DEMO_USER_TOKEN}`);
    expect(withToken.status).toBe(403);
    const withBearer = await fetch(`${url}/__sandbox/state`, {
      headers: { authorization: `Bearer ${DEMO_USER_TOKEN}` },
    });
    expect(withBearer.status).toBe(403);
    expect(graphError(await graph('__sandbox/state')).code).toBe(2500);
  });

  it('answers 404 and 400 with reasons', async () => {
    const { control, url } = await startGraph();
    await expect(control.deleteAudience('123')).rejects.toMatchObject({ status: 404 });
    await expect(control.invalidateToken('EAAnope', 'revoked')).rejects.toBeInstanceOf(
      ControlApiError,
    );
    await expect(
      control.createAdAccount({ name: '', tasks: { x: ['OWN' as 'MANAGE'] } }),
    ).rejects.toThrow(/name/);
    expect((await fetch(`${url}/__sandbox/nothing`)).status).toBe(404);
    await expect(control.setDialogUser('404')).rejects.toMatchObject({ status: 404 });
  });

  it('exposes the demo app id in the world state', async () => {
    const { control } = await startGraph();
    const state = await control.state();
    expect(state.apps.map((app) => app.id)).toEqual([DEMO_APP_ID]);
    expect(state.adAccounts).toHaveLength(3);
  });
});
