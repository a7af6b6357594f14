import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  ERROR_CATALOG,
  entryForErrorClass,
  entryForGraphError,
  FACEBOOK_ERROR_CLASSES,
  type GraphErrorFacts,
  termsOfServiceUrl,
} from '../../../shared/error-catalog.ts';

const entries = Object.entries(ERROR_CATALOG);

describe('the error catalog', () => {
  it.each(entries)('%s has a stable code, a title, one paragraph and steps', (code, entry) => {
    expect(entry.code).toBe(code);
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(entry.title.length).toBeGreaterThan(3);
    expect(entry.explanation).not.toContain('\n');
    expect(entry.explanation.length).toBeGreaterThan(40);
    expect(entry.steps.length).toBeGreaterThan(0);
    expect(entry.httpStatus).toBeGreaterThanOrEqual(400);
  });

  it('has a generic entry for every Facebook error class', () => {
    for (const errorClass of FACEBOOK_ERROR_CLASSES) {
      expect(entryForErrorClass(errorClass).errorClass).toBe(errorClass);
    }
  });

  it('explains each Graph code and subcode in one entry only', () => {
    const seen = new Map<string, string>();
    for (const entry of Object.values(ERROR_CATALOG)) {
      for (const match of entry.graph ?? []) {
        const key = `${match.code}/${match.subcode ?? '*'}/${match.messageIncludes ?? ''}`;
        expect(seen.get(key), `${key} in ${entry.code}`).toBeUndefined();
        seen.set(key, entry.code);
      }
    }
  });

  it('gives Graph errors their own entry and class only on Facebook entries', () => {
    for (const entry of Object.values(ERROR_CATALOG)) {
      const facebook = entry.code.startsWith('facebook_');
      expect(entry.errorClass !== undefined).toBe(facebook);
      if (!facebook) expect(entry.graph).toBeUndefined();
    }
  });

  it('imports nothing from Node, so the extension can bundle it', () => {
    const files = [
      'shared/error-catalog.ts',
      ...readdirSync('shared/error-catalog').map((name) => `shared/error-catalog/${name}`),
    ];
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/from 'node:/);
  });
});

describe('entryForGraphError', () => {
  const cases: [GraphErrorFacts, string][] = [
    [{ code: 190, subcode: 460 }, 'facebook_token_password_changed'],
    [{ code: 190, subcode: 463 }, 'facebook_token_expired'],
    [{ code: 190, subcode: 458 }, 'facebook_token_revoked'],
    [{ code: 190, subcode: 459 }, 'facebook_user_checkpointed'],
    [{ code: 190, subcode: 464 }, 'facebook_user_unconfirmed'],
    [{ code: 190, subcode: 467 }, 'facebook_token_invalid'],
    [{ code: 190 }, 'facebook_reauthorize'],
    [{ code: 190, subcode: 12345 }, 'facebook_reauthorize'],
    [{ code: 104 }, 'facebook_app_secret_mismatch'],
    [{ code: 1, message: 'Error validating client secret.' }, 'facebook_app_secret_mismatch'],
    [{ code: 1, message: 'An unknown error occurred' }, 'facebook_transient'],
    [{ code: 200, subcode: 1870034 }, 'facebook_custom_audience_terms_not_accepted'],
    [{ code: 200, subcode: 1870090 }, 'facebook_custom_audience_terms_not_accepted'],
    [{ code: 1870092 }, 'facebook_business_tools_terms_not_accepted'],
    [{ code: 200 }, 'facebook_access'],
    [{ code: 273 }, 'facebook_ad_account_access_denied'],
    [{ code: 2654, subcode: 1713092 }, 'facebook_ad_account_access_denied'],
    [{ code: 294 }, 'facebook_ads_management_missing'],
    [{ code: 100, subcode: 33 }, 'facebook_audience_not_found'],
    [{ code: 100, subcode: 36007 }, 'facebook_oauth_code_expired'],
    [{ code: 100, subcode: 36008 }, 'facebook_oauth_redirect_mismatch'],
    [{ code: 100, subcode: 36009 }, 'facebook_oauth_code_used'],
    [{ code: 200, subcode: 1870047 }, 'facebook_audience_too_small'],
    [{ code: 100, subcode: 1713230 }, 'facebook_audience_integrity_flagged'],
    [{ code: 100, subcode: 1713232 }, 'facebook_lookalike_seed_restricted'],
    [
      {
        code: 100,
        message: '(#100) Value-Based Custom Audience requires LOOKALIKE_VALUE attribute.',
      },
      'facebook_value_based_audience_not_supported',
    ],
    [
      { code: 100, message: '(#100) Data is missing or does not match schema' },
      'facebook_bad_data',
    ],
    [{ code: 2635 }, 'facebook_api_version_deprecated'],
    [{ code: 80003, subcode: 2446079 }, 'facebook_throttled'],
    [{ code: 613, subcode: 1487742 }, 'facebook_throttled'],
    [{ code: 368 }, 'facebook_temporarily_blocked'],
    [{ code: 2, isTransient: true }, 'facebook_transient'],
    [{ code: 2650, subcode: 1870148 }, 'facebook_transient'],
    [{ code: 2650 }, 'facebook_bad_data'],
    [{ code: 99999, isTransient: true }, 'facebook_transient'],
    [{ code: 99999, httpStatus: 503 }, 'facebook_transient'],
    [{ code: 99999, httpStatus: 400 }, 'facebook_unknown'],
  ];
  it.each(cases)('maps %j to %s', (facts, code) => {
    expect(entryForGraphError(facts).code).toBe(code);
  });

  it('prefers an exact subcode over the code alone', () => {
    expect(entryForGraphError({ code: 200, subcode: 1870034 }).errorClass).toBe('terms');
    expect(entryForGraphError({ code: 200, subcode: 1 }).errorClass).toBe('access');
  });
});

describe('describeError', () => {
  it('fills in the ad account and its terms link', () => {
    const entry = describeError('facebook_custom_audience_terms_not_accepted', {
      adAccountId: 'act_1234',
    });
    const text = entry.steps.join(' ');
    expect(text).toContain(
      'https://business.facebook.com/ads/manage/customaudiences/tos/?act=1234',
    );
    expect(text).toContain('ad account 1234');
    expect(JSON.stringify(entry)).not.toMatch(/\{\w+\}/);
  });

  it('still reads well without an ad account', () => {
    const entry = describeError('facebook_custom_audience_terms_not_accepted');
    expect(entry.steps.join(' ')).toContain('?act=<AD_ACCOUNT_ID>');
    expect(JSON.stringify(entry)).not.toMatch(/\{\w+\}/);
  });

  it('answers codes it does not know with the generic entry', () => {
    expect(describeError('from_a_newer_relay').code).toBe('unknown_error');
  });

  it('builds the terms link from a bare or prefixed id', () => {
    expect(termsOfServiceUrl('42')).toBe(termsOfServiceUrl('act_42'));
  });
});
