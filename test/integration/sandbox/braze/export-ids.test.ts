import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import { projectUser } from '../../../../sandbox/braze/users/export-fields.ts';
import { segmentUsers } from '../../../../sandbox/braze/users/segment-users.ts';
import type { BrazeUser } from '../../../../sandbox/braze/users/user.ts';
import { startBraze } from './braze-server.ts';

const population = [...segmentUsers(DEMO_SEED, DEMO_SEGMENT.newsletter).iterate(0, 400)];
const first = (test: (user: BrazeUser) => boolean) => {
  const user = population.find(test);
  if (!user) throw new Error('The demo population lacks a user this test needs');
  return user;
};
const identified = population.filter((user) => user.external_id);
const fields_to_export = ['external_id', 'braze_id', 'email', 'phone'];

interface IdsBody {
  message: string;
  users: Partial<BrazeUser>[];
  invalid_user_ids?: string[];
}

async function exportIds(body: Record<string, unknown>) {
  const braze = await startBraze();
  const response = await braze.api('/users/export/ids', { method: 'POST', body });
  return { status: response.status, body: (await response.json()) as IdsBody };
}

const only = (user: BrazeUser) => [projectUser(user, { fields_to_export })];

describe('POST /users/export/ids', () => {
  it('finds users by external id, and lists the ids it does not know', async () => {
    const wanted = identified.slice(0, 3);
    const { status, body } = await exportIds({
      external_ids: [...wanted.map((user) => user.external_id), 'no-such-user'],
      fields_to_export,
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      message: 'success',
      users: wanted.map((user) => projectUser(user, { fields_to_export })),
      invalid_user_ids: ['no-such-user'],
    });
  });

  it('accepts 50 external ids and aliases together, and refuses 51', async () => {
    const ids = identified.slice(0, 45).map((user) => user.external_id);
    const aliases = Array.from({ length: 5 }, (_, n) => ({
      alias_name: `x${n}`,
      alias_label: 'crm_id',
    }));
    const fifty = await exportIds({ external_ids: ids, user_aliases: aliases, fields_to_export });
    expect(fifty.status).toBe(200);
    expect(fifty.body.users).toHaveLength(45);

    const more = await exportIds({
      external_ids: [...ids, 'one-more'],
      user_aliases: aliases,
      fields_to_export,
    });
    expect(more.status).toBe(400);
    expect(more.body).toEqual({
      message: 'The max number of external_ids and aliases per request was exceeded',
    });
  });

  it('finds a user by alias', async () => {
    const user = first((candidate) => Boolean(candidate.user_aliases));
    const { body } = await exportIds({ user_aliases: user.user_aliases, fields_to_export });
    expect(body.users).toEqual(only(user));
  });

  it('finds a user by braze_id and by device_id', async () => {
    const user = first((candidate) => Boolean(candidate.devices?.length));
    expect((await exportIds({ braze_id: user.braze_id, fields_to_export })).body.users).toEqual(
      only(user),
    );
    const deviceId = user.devices?.[0]?.device_id;
    expect((await exportIds({ device_id: deviceId, fields_to_export })).body.users).toEqual(
      only(user),
    );
    const unknown = await exportIds({ braze_id: 'f'.repeat(24), fields_to_export });
    expect(unknown.body).toEqual({
      message: 'success',
      users: [],
      invalid_user_ids: ['f'.repeat(24)],
    });
  });

  it('finds users by email whatever its case and surrounding spaces', async () => {
    const user = first((candidate) =>
      Boolean(candidate.email && /[A-Z]/.test(candidate.email) && candidate.email.includes('@')),
    );
    const query = ` ${user.email?.trim().toLowerCase()} `;
    const { body } = await exportIds({ email_address: query, fields_to_export });
    expect(body.users.map((found) => found.braze_id)).toContain(user.braze_id);
  });

  it('finds users by E.164 phone, however the number was imported', async () => {
    const e164Of = (candidate: BrazeUser) =>
      candidate.phone &&
      parsePhoneNumberFromString(candidate.phone, candidate.country as CountryCode)?.number;
    const user = first((candidate) =>
      Boolean(e164Of(candidate) && candidate.phone !== e164Of(candidate)),
    );
    const e164 = e164Of(user);
    const { body } = await exportIds({ phone: e164, fields_to_export });
    expect(body.users.map((found) => found.braze_id)).toContain(user.braze_id);
  });

  it('exports only the requested fields, and fields the segment export lacks', async () => {
    const user = identified[0] as BrazeUser;
    const { status, body } = await exportIds({
      external_ids: [user.external_id],
      fields_to_export: ['first_name', 'campaigns_received'],
    });
    expect(status).toBe(200);
    expect(body.users).toEqual([projectUser(user, { fields_to_export: ['first_name'] })]);
  });

  it.each([
    ['no identifier', { fields_to_export }],
    ['two single identifiers', { braze_id: 'a', device_id: 'b', fields_to_export }],
    ['a list and a single identifier', { external_ids: ['a'], braze_id: 'b', fields_to_export }],
  ])('refuses %s with 400', async (_case, body) => {
    const { status, body: answer } = await exportIds(body);
    expect(status).toBe(400);
    expect(answer.message).toBe(
      'Give either external_ids and/or user_aliases, or exactly one of device_id, braze_id, email_address, phone',
    );
  });

  it.each([
    [
      'a phone that is not E.164',
      { phone: '(415) 555-0123', fields_to_export },
      'phone must be in E.164 format, e.g. +14155550123',
    ],
    [
      'external_ids that are not strings',
      { external_ids: [1], fields_to_export },
      'external_ids must be an array of strings',
    ],
    [
      'malformed aliases',
      { user_aliases: [{ alias_name: 'a' }], fields_to_export },
      'user_aliases must be an array of {alias_name, alias_label}',
    ],
    ['no fields_to_export', { external_ids: ['a'] }, 'fields_to_export is required'],
    [
      'unknown fields',
      { external_ids: ['a'], fields_to_export: ['shoe_size'] },
      'Invalid fields_to_export: shoe_size',
    ],
    ['a non-string braze_id', { braze_id: 7, fields_to_export }, 'braze_id must be a string'],
  ])('refuses %s with 400', async (_case, body, message) => {
    const { status, body: answer } = await exportIds(body);
    expect(status).toBe(400);
    expect(answer).toEqual({ message });
  });
});
