import {
  type ConsentSettings,
  consentSettings,
  DEFAULT_CONSENT_SETTINGS,
} from '../../../shared/consent-settings.ts';
import { en } from '../../i18n/en.ts';

/**
 * The consent defaults as the form edits them: each attribute filter is a switch and a name,
 * so turning one off and on again keeps the name typed.
 */
export interface ConsentDraft {
  optOut: boolean;
  optOutAttribute: string;
  optIn: boolean;
  optInAttribute: string;
  excludeEmailUnsubscribed: boolean;
  requireAdTrackingForDeviceIds: boolean;
}

export type AttributeField = 'optOutAttribute' | 'optInAttribute';
export type SwitchField =
  | 'optOut'
  | 'optIn'
  | 'excludeEmailUnsubscribed'
  | 'requireAdTrackingForDeviceIds';

export type DraftCheck =
  | { ok: true; settings: ConsentSettings }
  | { ok: false; errors: Partial<Record<AttributeField, string>> };

export function draftOf(settings: ConsentSettings): ConsentDraft {
  return {
    optOut: settings.optOutAttribute !== null,
    optOutAttribute: settings.optOutAttribute ?? DEFAULT_CONSENT_SETTINGS.optOutAttribute ?? '',
    optIn: settings.optInAttribute !== null,
    optInAttribute: settings.optInAttribute ?? '',
    excludeEmailUnsubscribed: settings.excludeEmailUnsubscribed,
    requireAdTrackingForDeviceIds: settings.requireAdTrackingForDeviceIds,
  };
}

const MAX_ATTRIBUTE_LENGTH = 255;

/** The settings a draft stands for, or why each attribute name cannot be saved. */
export function checkDraft(draft: ConsentDraft): DraftCheck {
  const text = en.options.consent.errors;
  const errors: Partial<Record<AttributeField, string>> = {};
  const attribute = (field: AttributeField, on: boolean, label: string) => {
    const name = draft[field].trim();
    if (!on) return null;
    if (!name) errors[field] = text.attributeMissing(label);
    else if (name.length > MAX_ATTRIBUTE_LENGTH) errors[field] = text.attributeTooLong;
    return name;
  };
  const filters = en.options.consent.filters;
  const optOutAttribute = attribute('optOutAttribute', draft.optOut, filters.opt_out.attribute);
  const optInAttribute = attribute('optInAttribute', draft.optIn, filters.opt_in.attribute);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The relay's own schema has the last word, so the form never saves what it would refuse.
  const parsed = consentSettings.safeParse({
    optOutAttribute,
    optInAttribute,
    excludeEmailUnsubscribed: draft.excludeEmailUnsubscribed,
    requireAdTrackingForDeviceIds: draft.requireAdTrackingForDeviceIds,
  });
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, errors: { optOutAttribute: parsed.error.issues[0]?.message ?? '' } };
}
