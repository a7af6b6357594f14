import { describe, expect, it } from 'vitest';
import { projectUser } from '../../../../../sandbox/braze/users/export-fields.ts';
import type { BrazeUser } from '../../../../../sandbox/braze/users/user.ts';

const user: BrazeUser = {
  created_at: '2020-07-10 15:00:00.000 UTC',
  braze_id: '5fbd99bac125ca40511f2cb1',
  random_bucket: 2365,
  email: 'jane@example.com',
  gender: null,
  push_subscribe: 'opted_in',
  email_subscribe: 'subscribed',
  custom_attributes: { opted_in_marketing: true, state: 'CA', zip_code: '94105' },
};

describe('projectUser', () => {
  it('keeps only requested fields the user has', () => {
    expect(projectUser(user, { fields_to_export: ['email', 'phone', 'gender'] })).toEqual({
      email: 'jane@example.com',
      gender: null,
    });
  });

  it('exports named custom attributes only, and none when the user has none of them', () => {
    expect(
      projectUser(user, {
        fields_to_export: ['email'],
        custom_attributes_to_export: ['state', 'nope'],
      }),
    ).toEqual({ email: 'jane@example.com', custom_attributes: { state: 'CA' } });
    expect(
      projectUser(user, { fields_to_export: ['email'], custom_attributes_to_export: ['nope'] }),
    ).toEqual({ email: 'jane@example.com' });
  });

  it('exports every custom attribute for custom_attributes, ignoring the named list', () => {
    expect(
      projectUser(user, {
        fields_to_export: ['custom_attributes'],
        custom_attributes_to_export: ['state'],
      }),
    ).toEqual({ custom_attributes: user.custom_attributes });
  });
});
