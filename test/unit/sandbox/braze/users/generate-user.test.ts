import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, DEMO_SEGMENT } from '../../../../../sandbox/braze/demo.ts';
import {
  projectUser,
  SEGMENT_EXPORT_FIELDS,
} from '../../../../../sandbox/braze/users/export-fields.ts';
import { LOCALES } from '../../../../../sandbox/braze/users/locales.ts';
import { RATES } from '../../../../../sandbox/braze/users/rates.ts';
import { segmentUsers } from '../../../../../sandbox/braze/users/segment-users.ts';
import { type BrazeUser, ZEROED_AD_ID } from '../../../../../sandbox/braze/users/user.ts';

const everyone = segmentUsers(DEMO_SEED, DEMO_SEGMENT.everyone);
/** A sample big enough for shares to sit within ±1.5 points of their rate (over 4 sigma). */
const SAMPLE = [...everyone.iterate(0, 20_000)];
const TOLERANCE = 0.015;

const share = (users: readonly BrazeUser[], test: (user: BrazeUser) => boolean) =>
  users.filter(test).length / users.length;
const devices = SAMPLE.flatMap((user) => user.devices ?? []);
const emails = SAMPLE.flatMap((user) => (user.email === undefined ? [] : [user.email]));
const phones = SAMPLE.flatMap((user) => (user.phone === undefined ? [] : [user.phone]));
const validEmail = /^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/;

describe('segment users', () => {
  it('are a pure function of seed, segment and index', () => {
    const again = segmentUsers(DEMO_SEED, DEMO_SEGMENT.everyone);
    expect(again.at(1234)).toEqual(everyone.at(1234));
    expect([...again.iterate(10, 13)]).toEqual(SAMPLE.slice(10, 13));
    const otherSeed = segmentUsers('another seed', DEMO_SEGMENT.everyone);
    expect(otherSeed.at(1234)).not.toEqual(everyone.at(1234));
    const otherSegment = segmentUsers(DEMO_SEED, DEMO_SEGMENT.mobile);
    expect(otherSegment.at(1234).braze_id).not.toBe(everyone.at(1234).braze_id);
  });

  it('give user 2,999,999 on its own, equal to the one iteration reaches', () => {
    const alone = everyone.at(2_999_999);
    expect([...everyone.iterate(2_999_998)]).toEqual([everyone.at(2_999_998), alone]);
    expect(() => everyone.at(3_000_000)).toThrow(RangeError);
    expect(() => everyone.at(-1)).toThrow(RangeError);
  });

  it('iterate lazily, stopping at the segment size', () => {
    const users = everyone.iterate(2_999_990);
    expect(users.next().done).toBe(false);
    expect([...users]).toHaveLength(9);
    expect([...segmentUsers(DEMO_SEED, { apiId: 'x', size: 0 }).iterate()]).toEqual([]);
  });

  it('skip unwanted field groups without changing any wanted value', () => {
    const full = [...everyone.iterate(500, 800)];
    for (const field of SEGMENT_EXPORT_FIELDS) {
      const fields = new Set([field, 'custom_attributes']);
      const partial = [...everyone.iterate(500, 800, fields)];
      const projection = { fields_to_export: [...fields] };
      expect(partial.map((user) => projectUser(user, projection))).toEqual(
        full.map((user) => projectUser(user, projection)),
      );
    }
  });

  it('have distinct ids', () => {
    const brazeIds = new Set(SAMPLE.map((user) => user.braze_id));
    const externalIds = SAMPLE.flatMap((user) => (user.external_id ? [user.external_id] : []));
    expect(brazeIds.size).toBe(SAMPLE.length);
    expect(new Set(externalIds).size).toBe(externalIds.length);
    const deviceIds = devices.map((device) => device.device_id.toLowerCase());
    expect(new Set(deviceIds).size).toBe(deviceIds.length);
  });
});

describe('user fields follow the documented shapes', () => {
  it('dates, gender, subscriptions and ids', () => {
    // One assertion over the whole sample: 200,000 expect() calls took seconds on a busy machine.
    const subscriptions = ['opted_in', 'subscribed', 'unsubscribed'];
    const wrong = SAMPLE.filter(
      (user) =>
        !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000 UTC$/.test(user.created_at) ||
        !/^[0-9a-f]{24}$/.test(user.braze_id) ||
        (user.dob !== undefined &&
          (!/^\d{4}-\d\d-\d\d$/.test(user.dob) ||
            new Date(`${user.dob}T00:00:00Z`).toISOString().slice(0, 10) !== user.dob)) ||
        ('gender' in user && !['M', 'F', 'O', 'N', 'P', null].includes(user.gender ?? null)) ||
        !subscriptions.includes(user.email_subscribe) ||
        !subscriptions.includes(user.push_subscribe) ||
        !(user.random_bucket >= 0 && user.random_bucket < 10_000),
    );
    expect(wrong).toEqual([]);
  });

  it('country as an ISO code or an English name', () => {
    const allowed = Object.values(LOCALES).flatMap((locale) => [
      locale.country,
      locale.countryName,
    ]);
    const countries = new Set(SAMPLE.flatMap((user) => (user.country ? [user.country] : [])));
    expect([...countries].sort()).toEqual([...allowed].sort());
  });

  it('names with accents and in non-Latin scripts', () => {
    const names = SAMPLE.flatMap((user) => [user.first_name ?? '', user.last_name ?? '']);
    for (const name of ['Müller', 'José', 'Zoë', '山田', 'Иван', 'محمد']) {
      expect(names.some((candidate) => candidate.trim() === name)).toBe(true);
    }
  });

  it('cities with accents and spaces', () => {
    const cities = new Set(SAMPLE.map((user) => user.home_city));
    for (const city of ['São Paulo', 'Saint-Étienne', 'Frankfurt am Main', 'München']) {
      expect(cities).toContain(city);
    }
  });

  it('valid E.164 phones where the number was imported that way', () => {
    const e164 = phones.filter((phone) => /^\+\d+$/.test(phone));
    expect(e164.length).toBeGreaterThan(1000);
    expect(e164.every((phone) => isValidPhoneNumber(phone))).toBe(true);
  });

  it('national phone formats of every country, with the country set', () => {
    for (const locale of Object.values(LOCALES)) {
      const national = SAMPLE.filter(
        (user) =>
          user.country === locale.country && user.phone?.startsWith(locale.phone.trunk || '('),
      );
      const valid = national.filter((user) =>
        isValidPhoneNumber(user.phone as string, locale.country),
      );
      expect(valid.length).toBeGreaterThan(0);
    }
  });

  it('zeroed advertising ids, always with tracking disabled', () => {
    const zeroed = devices.filter(
      (d) => d.idfa === ZEROED_AD_ID || d.google_ad_id === ZEROED_AD_ID,
    );
    expect(zeroed.length).toBeGreaterThan(0);
    expect(zeroed.every((device) => device.ad_tracking_enabled === false)).toBe(true);
    expect(devices.some((device) => device.idfa && device.idfa !== ZEROED_AD_ID)).toBe(true);
    expect(
      devices.some((device) => device.google_ad_id && device.google_ad_id !== ZEROED_AD_ID),
    ).toBe(true);
  });

  it('state and zip code as custom attributes', () => {
    expect(share(SAMPLE, (user) => user.custom_attributes?.state !== undefined)).toBeCloseTo(
      RATES.state,
      1,
    );
    expect(share(SAMPLE, (user) => user.custom_attributes?.zip_code !== undefined)).toBeCloseTo(
      RATES.zipCode,
      1,
    );
  });
});

describe('user mess follows the documented rates', () => {
  const near = (actual: number, expected: number) =>
    expect(Math.abs(actual - expected)).toBeLessThan(TOLERANCE);

  it('identifiers and contact fields', () => {
    near(
      share(SAMPLE, (user) => user.external_id !== undefined),
      RATES.externalId,
    );
    near(
      share(SAMPLE, (user) => user.user_aliases !== undefined),
      RATES.userAlias,
    );
    near(
      share(SAMPLE, (user) => user.first_name !== undefined),
      RATES.firstName,
    );
    near(
      share(SAMPLE, (user) => user.email !== undefined),
      RATES.email,
    );
    near(
      share(SAMPLE, (user) => user.phone !== undefined),
      RATES.phone,
    );
    near(
      share(SAMPLE, (user) => user.dob !== undefined),
      RATES.dob,
    );
    near(
      share(SAMPLE, (user) => user.home_city !== undefined),
      RATES.homeCity,
    );
  });

  it('emails: invalid, mixed case and padded', () => {
    const valid = emails.filter((email) => validEmail.test(email));
    near(1 - valid.length / emails.length, RATES.emailMess.invalid);
    near(
      valid.filter((email) => email !== email.trim()).length / valid.length,
      RATES.emailMess.padded,
    );
    near(
      valid.filter((email) => email !== email.toLowerCase()).length / valid.length,
      RATES.emailMess.mixedCase,
    );
  });

  it('country and gender', () => {
    const codes = new Set(Object.keys(LOCALES));
    near(
      share(SAMPLE, (user) => codes.has(user.country ?? '')),
      RATES.country.code,
    );
    near(
      share(SAMPLE, (user) => user.country === undefined),
      RATES.country.missing,
    );
    near(
      share(SAMPLE, (user) => user.gender === null),
      RATES.gender.null,
    );
    near(
      share(SAMPLE, (user) => !('gender' in user)),
      RATES.gender.missing,
    );
    near(
      share(SAMPLE, (user) => user.gender === 'F'),
      RATES.gender.F,
    );
  });

  it('devices and ad tracking', () => {
    for (const [count, rate] of Object.entries(RATES.deviceCount)) {
      near(
        share(SAMPLE, (user) => (user.devices?.length ?? 0) === Number(count)),
        rate,
      );
    }
    const ios = devices.filter((device) => device.os?.startsWith('iOS'));
    near(ios.length / devices.length, RATES.iosDevice);
    const idfas = ios.filter((device) => device.idfa !== undefined);
    near(idfas.length / ios.length, RATES.idfa);
    near(
      idfas.filter((device) => device.idfa === ZEROED_AD_ID).length / idfas.length,
      RATES.zeroedIdfa,
    );
  });

  it('subscriptions and consent attributes', () => {
    near(
      share(SAMPLE, (user) => user.email_subscribe === 'opted_in'),
      RATES.emailSubscribe.opted_in,
    );
    near(
      share(SAMPLE, (user) => user.push_subscribe === 'unsubscribed'),
      RATES.pushSubscribe.unsubscribed,
    );
    const attribute = (name: string) => (user: BrazeUser) => user.custom_attributes?.[name];
    near(
      share(SAMPLE, (user) => attribute('opted_in_marketing')(user) === true),
      RATES.optedInMarketing.true,
    );
    near(
      share(SAMPLE, (user) => attribute('opted_in_marketing')(user) === undefined),
      RATES.optedInMarketing.missing,
    );
    near(
      share(SAMPLE, (user) => attribute('do_not_sell_or_share')(user) === true),
      RATES.doNotSellOrShare.true,
    );
  });
});
