import { describe, expect, it } from 'vitest';
import {
  CONSENT_FILTER_LABELS,
  CONSENT_FILTERS,
  consentOverrides,
  consentSettings,
  DEFAULT_CONSENT_SETTINGS,
  resolveConsentSettings,
} from '../../../shared/consent-settings.ts';

describe('consent settings', () => {
  it('default to ad tracking required and Do Not Sell or Share honoured, nothing else', () => {
    expect(DEFAULT_CONSENT_SETTINGS).toEqual({
      requireAdTrackingForDeviceIds: true,
      optOutAttribute: 'do_not_sell_or_share',
      optInAttribute: null,
      excludeEmailUnsubscribed: false,
    });
  });

  it('take an export’s choices over the workspace’s, and the workspace’s over the defaults', () => {
    expect(
      resolveConsentSettings(
        { optInAttribute: 'opted_in_marketing', excludeEmailUnsubscribed: true },
        { excludeEmailUnsubscribed: false, optOutAttribute: 'ccpa_opt_out' },
      ),
    ).toEqual({
      requireAdTrackingForDeviceIds: true,
      optOutAttribute: 'ccpa_opt_out',
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: false,
    });
  });

  it('turn a check off with null, while undefined leaves the default', () => {
    expect(resolveConsentSettings({ optOutAttribute: null }).optOutAttribute).toBeNull();
    expect(
      resolveConsentSettings({ optOutAttribute: 'x' }, { optOutAttribute: undefined })
        .optOutAttribute,
    ).toBe('x');
  });

  it('refuse blank attribute names and other types', () => {
    expect(consentSettings.safeParse({ optOutAttribute: '  ' }).success).toBe(false);
    expect(consentOverrides.safeParse({ requireAdTrackingForDeviceIds: 'yes' }).success).toBe(
      false,
    );
    expect(consentSettings.parse({ optInAttribute: ' opted_in ' }).optInAttribute).toBe('opted_in');
  });

  it('parse an export’s choices without filling in what it left out', () => {
    const choices = consentOverrides.parse({ excludeEmailUnsubscribed: true });
    expect(choices).toEqual({ excludeEmailUnsubscribed: true });
    expect(resolveConsentSettings({ optOutAttribute: 'ccpa_opt_out' }, choices)).toMatchObject({
      optOutAttribute: 'ccpa_opt_out',
      excludeEmailUnsubscribed: true,
    });
  });

  it('label every filter', () => {
    expect(Object.keys(CONSENT_FILTER_LABELS)).toEqual([...CONSENT_FILTERS]);
  });
});
