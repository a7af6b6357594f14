import { describe, expect, it } from 'vitest';
import { ColumnNames } from '../../../../proxy/sources/column-names.ts';
import { userFromObject } from '../../../../proxy/sources/user-from-object.ts';

function read(object: Record<string, unknown>, columns = new ColumnNames()) {
  const unmapped: string[] = [];
  const user = userFromObject(object, columns, (key) => unmapped.push(key));
  return { user, unmapped };
}

describe('userFromObject', () => {
  it('reads a Braze export line (the reference’s sample)', () => {
    const { user, unmapped } = read(
      JSON.parse(
        '{"created_at":"2020-07-10 15:00:00.000 UTC","external_id":"A8i3mkd99","braze_id":"5fbd99bac125ca40511f2cb1","random_bucket":2365,"first_name":"Jane","last_name":"Doe","email":"example@braze.com","dob":"1980-12-21","home_city":"Chicago","country":"US","phone":"+442071838750","language":"en","gender":"F","push_subscribe":"opted_in","email_subscribe":"subscribed","custom_attributes":{"loyaltyId":"37c98b9d-9a7f-4b2f-a125-d873c5152856","loyaltyPointsNumber":107},"devices":[{"model":"Pixel XL","os":"Android (Q)","carrier":null,"device_id":"312ef2c1-83db-4789-967-554545a1bf7a","ad_tracking_enabled":true}]}',
      ),
    );
    expect(user).toEqual({
      external_id: 'A8i3mkd99',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'example@braze.com',
      dob: '1980-12-21',
      home_city: 'Chicago',
      country: 'US',
      phone: '+442071838750',
      gender: 'F',
      email_subscribe: 'subscribed',
      custom_attributes: {
        loyaltyId: '37c98b9d-9a7f-4b2f-a125-d873c5152856',
        loyaltyPointsNumber: 107,
      },
      devices: [{ ad_tracking_enabled: true }],
    });
    expect(unmapped).toEqual([]);
  });

  it('fills state and ZIP from custom attributes of those names, never over a field', () => {
    expect(
      read({ custom_attributes: { state: 'Bavaria', zip_code: '80331', Email: 'x@example.com' } })
        .user,
    ).toMatchObject({ state: 'Bavaria', zip: '80331', email: 'x@example.com' });
    expect(read({ zip: '94025', custom_attributes: { zip_code: '10001' } }).user.zip).toBe('94025');
  });

  it('keeps unknown top-level keys as attributes, Braze’s own attributes winning a clash', () => {
    const { user, unmapped } = read({
      email: 'a@example.com',
      tier: 'gold',
      opted_in_marketing: false,
      custom_attributes: { opted_in_marketing: true },
    });
    expect(user.custom_attributes).toEqual({ tier: 'gold', opted_in_marketing: true });
    expect(unmapped).toEqual(['tier', 'opted_in_marketing']);
  });

  it('takes the first key of two naming one field', () => {
    expect(read({ email: 'a@example.com', 'E-mail': 'b@example.com' }).user.email).toBe(
      'a@example.com',
    );
  });

  it('does not let a __proto__ key reach an object’s prototype', () => {
    const { user } = read(JSON.parse('{"__proto__":{"polluted":true},"email":"a@example.com"}'));
    expect(Object.getPrototypeOf(user.custom_attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
