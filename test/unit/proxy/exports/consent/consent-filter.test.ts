import { describe, expect, it } from 'vitest';
import { createConsentFilter } from '../../../../../proxy/exports/consent/consent-filter.ts';
import type { SourceUser } from '../../../../../proxy/sources/source-user.ts';
import {
  type ConsentSettings,
  DEFAULT_CONSENT_SETTINGS,
  resolveConsentSettings,
} from '../../../../../shared/consent-settings.ts';

const IDFA = 'AECE52E7-03EE-455A-B3C4-E57283966239';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const ZEROED = '00000000-0000-0000-0000-000000000000';

const user = (fields: Partial<SourceUser> = {}): SourceUser => ({
  email: 'a@example.com',
  devices: [],
  custom_attributes: {},
  ...fields,
});
const decide = (settings: Partial<ConsentSettings>, subject: SourceUser) =>
  createConsentFilter(resolveConsentSettings(settings))(subject);
const removedBy = (settings: Partial<ConsentSettings>, subject: SourceUser) => {
  const decision = decide(settings, subject);
  return decision.kept ? 'kept' : decision.removedBy;
};

describe('consent filter', () => {
  it('keeps a user no filter objects to, unchanged', () => {
    const subject = user({ devices: [{ idfa: IDFA, ad_tracking_enabled: true }] });
    expect(decide({}, subject)).toEqual({ kept: true, user: subject, withheldDeviceIds: 0 });
  });

  it.each([true, 1, 'true', 'TRUE', 'yes', '1'])(
    'removes users whose opt-out attribute is %j',
    (value) => {
      expect(removedBy({}, user({ custom_attributes: { do_not_sell_or_share: value } }))).toBe(
        'opt_out',
      );
    },
  );

  it.each([false, 0, 'false', 'no', '', null])(
    'keeps users whose opt-out attribute is %j',
    (value) => {
      expect(removedBy({}, user({ custom_attributes: { do_not_sell_or_share: value } }))).toBe(
        'kept',
      );
    },
  );

  it('reads the configured opt-out attribute, by exact or folded name', () => {
    const settings = { optOutAttribute: 'ccpa_opt_out' };
    expect(removedBy(settings, user({ custom_attributes: { ccpa_opt_out: true } }))).toBe(
      'opt_out',
    );
    expect(removedBy(settings, user({ custom_attributes: { 'CCPA Opt-Out': 'yes' } }))).toBe(
      'opt_out',
    );
    expect(removedBy(settings, user({ custom_attributes: { do_not_sell_or_share: true } }))).toBe(
      'kept',
    );
    expect(
      removedBy(
        { optOutAttribute: null },
        user({ custom_attributes: { do_not_sell_or_share: true } }),
      ),
    ).toBe('kept');
  });

  it('requires the opt-in attribute only when one is configured', () => {
    const settings = { optInAttribute: 'opted_in_marketing' };
    expect(removedBy(settings, user({ custom_attributes: { opted_in_marketing: true } }))).toBe(
      'kept',
    );
    expect(removedBy(settings, user({ custom_attributes: { opted_in_marketing: false } }))).toBe(
      'opt_in',
    );
    expect(removedBy(settings, user())).toBe('opt_in');
    expect(removedBy({}, user())).toBe('kept');
  });

  it('excludes email-unsubscribed users only when asked', () => {
    const unsubscribed = user({ email_subscribe: 'Unsubscribed' });
    expect(removedBy({}, unsubscribed)).toBe('kept');
    expect(removedBy({ excludeEmailUnsubscribed: true }, unsubscribed)).toBe('email_unsubscribed');
    expect(
      removedBy({ excludeEmailUnsubscribed: true }, user({ email_subscribe: 'opted_in' })),
    ).toBe('kept');
  });

  it('counts a user several filters remove under the first, in CONSENT_FILTERS order', () => {
    const everything = { optInAttribute: 'opted_in_marketing', excludeEmailUnsubscribed: true };
    const all = user({
      email_subscribe: 'unsubscribed',
      custom_attributes: { do_not_sell_or_share: true, opted_in_marketing: false },
    });
    expect(removedBy(everything, all)).toBe('opt_out');
    expect(
      removedBy(everything, { ...all, custom_attributes: { opted_in_marketing: false } }),
    ).toBe('opt_in');
    expect(removedBy(everything, { ...all, custom_attributes: { opted_in_marketing: true } })).toBe(
      'email_unsubscribed',
    );
  });

  it('withholds the IDs of devices without ad tracking enabled, counting the usable ones', () => {
    const decision = decide(
      {},
      user({
        devices: [
          { idfa: IDFA, ad_tracking_enabled: true },
          { google_ad_id: GAID, ad_tracking_enabled: false },
          { google_ad_id: GAID },
          { idfa: ZEROED, ad_tracking_enabled: false },
          { idfa: 'not an id' },
        ],
      }),
    );
    expect(decision).toEqual({
      kept: true,
      user: user({ devices: [{ idfa: IDFA, ad_tracking_enabled: true }] }),
      withheldDeviceIds: 2,
    });
  });

  it('sends every device ID when ad tracking is not required', () => {
    const devices = [{ google_ad_id: GAID, ad_tracking_enabled: false }];
    expect(decide({ requireAdTrackingForDeviceIds: false }, user({ devices }))).toEqual({
      kept: true,
      user: user({ devices }),
      withheldDeviceIds: 0,
    });
  });

  it('uses the workspace defaults as given', () => {
    const filter = createConsentFilter(DEFAULT_CONSENT_SETTINGS);
    expect(filter(user({ custom_attributes: { do_not_sell_or_share: 'yes' } }))).toEqual({
      kept: false,
      removedBy: 'opt_out',
    });
  });
});
