import { describe, expect, it } from 'vitest';
import { brazeExportFields } from '../../../../../proxy/sources/braze/export-fields.ts';
import {
  DEFAULT_CONSENT_SETTINGS,
  resolveConsentSettings,
} from '../../../../../shared/consent-settings.ts';
import { MATCH_KEYS } from '../../../../../shared/match-keys.ts';

const NO_CONSENT = resolveConsentSettings({
  optOutAttribute: null,
  requireAdTrackingForDeviceIds: false,
});

describe('brazeExportFields', () => {
  it.each([
    [['EMAIL'], ['email'], []],
    [['PHONE'], ['country', 'phone'], []],
    [['MADID'], ['devices'], []],
    [['FN', 'FI', 'LN'], ['first_name', 'last_name'], []],
    [['DOBY', 'DOBM', 'DOBD', 'GEN'], ['dob', 'gender'], []],
    [['ST', 'ZIP'], ['country'], ['state', 'zip', 'zip_code']],
    [['CT', 'COUNTRY', 'EXTERN_ID'], ['country', 'external_id', 'home_city'], []],
  ] as const)('%j asks only for %j and attributes %j', (keys, fields, customAttributes) => {
    expect(brazeExportFields(keys, NO_CONSENT)).toEqual({ fields, customAttributes });
  });

  it('adds the consent attributes by name, and email_subscribe when unsubscribes are excluded', () => {
    const consent = resolveConsentSettings({
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
    });
    expect(brazeExportFields(['EMAIL', 'MADID'], consent)).toEqual({
      fields: ['devices', 'email', 'email_subscribe'],
      customAttributes: ['do_not_sell_or_share', 'opted_in_marketing'],
    });
  });

  it('never asks for all custom attributes, whatever the keys', () => {
    const { fields } = brazeExportFields(MATCH_KEYS, DEFAULT_CONSENT_SETTINGS);
    expect(fields).not.toContain('custom_attributes');
    expect(brazeExportFields(MATCH_KEYS, DEFAULT_CONSENT_SETTINGS).customAttributes).toEqual([
      'do_not_sell_or_share',
      'state',
      'zip',
      'zip_code',
    ]);
  });
});
