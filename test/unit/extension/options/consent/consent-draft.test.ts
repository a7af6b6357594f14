import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { checkDraft, draftOf } from '../../../../../extension/options/consent/consent-draft.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../../shared/consent-settings.ts';

const errors = en.options.consent.errors;
const filters = en.options.consent.filters;

describe('the consent defaults draft', () => {
  it('round-trips any saved settings', () => {
    const settings = {
      requireAdTrackingForDeviceIds: false,
      optOutAttribute: 'ccpa_opt_out',
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
    };
    expect(checkDraft(draftOf(settings))).toEqual({ ok: true, settings });
    expect(checkDraft(draftOf(DEFAULT_CONSENT_SETTINGS))).toEqual({
      ok: true,
      settings: DEFAULT_CONSENT_SETTINGS,
    });
  });

  it('keeps a name typed while its filter is off, and sends null for it', () => {
    const draft = { ...draftOf(DEFAULT_CONSENT_SETTINGS), optOut: false };
    expect(draft.optOutAttribute).toBe('do_not_sell_or_share');
    expect(checkDraft(draft)).toMatchObject({ ok: true, settings: { optOutAttribute: null } });
  });

  it('trims names, and refuses a filter switched on without one or with one too long', () => {
    const draft = draftOf(DEFAULT_CONSENT_SETTINGS);
    expect(checkDraft({ ...draft, optIn: true, optInAttribute: '  opted_in ' })).toMatchObject({
      ok: true,
      settings: { optInAttribute: 'opted_in' },
    });
    expect(checkDraft({ ...draft, optIn: true, optInAttribute: ' ' })).toEqual({
      ok: false,
      errors: { optInAttribute: errors.attributeMissing(filters.opt_in.attribute) },
    });
    expect(checkDraft({ ...draft, optOutAttribute: 'x'.repeat(256) })).toEqual({
      ok: false,
      errors: { optOutAttribute: errors.attributeTooLong },
    });
  });
});
