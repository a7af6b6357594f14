import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceUser, toSourceUser } from '../../../../proxy/sources/source-user.ts';
import { isTruthy } from '../../../../proxy/sources/truthy.ts';

describe('toSourceUser', () => {
  it('trims text, takes numbers as written and drops blanks', () => {
    expect(
      toSourceUser({
        email: '  a@example.com\t',
        phone: 15559876543,
        zip: 2134,
        first_name: '   ',
      }),
    ).toEqual({
      email: 'a@example.com',
      phone: '15559876543',
      zip: '2134',
      devices: [],
      custom_attributes: {},
    });
  });

  it('drops values of the wrong type instead of failing the user', () => {
    expect(
      toSourceUser({
        email: { address: 'a@example.com' },
        phone: ['+15559876543'],
        gender: null,
        country: true,
        dob: Number.NaN,
        first_name: 'Ann',
        devices: 'none',
        custom_attributes: ['x'],
      }),
    ).toEqual({ first_name: 'Ann', devices: [], custom_attributes: {} });
  });

  it('keeps the ids and ad-tracking flag of each device, leaving out entries that are not objects', () => {
    const user = toSourceUser({
      devices: [
        { idfa: 'AAA', ad_tracking_enabled: true, model: 'iPhone' },
        null,
        'junk',
        { google_ad_id: 'BBB', ad_tracking_enabled: 'yes' },
        { google_ad_id: 'CCC', ad_tracking_enabled: 'no' },
        { device_id: 'no ad id' },
      ],
    });
    expect(user.devices).toEqual([
      { idfa: 'AAA', ad_tracking_enabled: true },
      { google_ad_id: 'BBB', ad_tracking_enabled: true },
      { google_ad_id: 'CCC', ad_tracking_enabled: false },
      {},
    ]);
  });

  it('adds a flat row’s device ids as one more device', () => {
    expect(
      toSourceUser({
        idfa: 'AAA',
        google_ad_id: 'BBB',
        ad_tracking_enabled: '1',
        devices: [{ idfa: 'CCC' }],
      }).devices,
    ).toEqual([{ idfa: 'CCC' }, { idfa: 'AAA', google_ad_id: 'BBB', ad_tracking_enabled: true }]);
    expect(toSourceUser({ ad_tracking_enabled: true }).devices).toEqual([]);
  });

  it('always gives a user the sourceUser schema accepts, whatever JSON it is given', () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.string(), fc.constant(undefined));
    const device = fc.oneof(
      anyValue,
      fc.record(
        { idfa: anyValue, google_ad_id: anyValue, ad_tracking_enabled: anyValue },
        { requiredKeys: [] },
      ),
    );
    const record = fc.record(
      {
        email: anyValue,
        phone: anyValue,
        dob: anyValue,
        idfa: anyValue,
        google_ad_id: anyValue,
        ad_tracking_enabled: anyValue,
        devices: fc.oneof(anyValue, fc.array(device)),
        custom_attributes: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(record, fc.dictionary(fc.string(), fc.jsonValue()), (fields, extra) => {
        const user = toSourceUser({ ...extra, ...fields });
        expect(sourceUser.strict().parse(user)).toEqual(user);
        for (const value of Object.values(user)) {
          if (typeof value === 'string') expect(value).toBe(value.trim());
        }
      }),
    );
  });
});

describe('isTruthy', () => {
  it.each([true, 1, 'true', 'TRUE', ' yes ', 'Yes', '1'])('%j is yes', (value) => {
    expect(isTruthy(value)).toBe(true);
  });

  it.each([false, 0, 2, 'false', 'no', 'y', '', 'on', null, undefined, {}, []])(
    '%j is no',
    (value) => {
      expect(isTruthy(value)).toBe(false);
    },
  );
});
