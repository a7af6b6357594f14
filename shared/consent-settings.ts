import { z } from 'zod';

/**
 * The consent and eligibility filters of an export, in the order they are checked: a user
 * several filters would remove is counted under the first. Opt-out comes first because it
 * is a legal right ("Do Not Sell or Share"); the device filter comes last because it only
 * removes a user whose device IDs were their only usable key.
 */
export const CONSENT_FILTERS = ['opt_out', 'opt_in', 'email_unsubscribed', 'ad_tracking'] as const;
export type ConsentFilter = (typeof CONSENT_FILTERS)[number];

/** What the extension shows for each filter (report lines and the settings form). */
export const CONSENT_FILTER_LABELS: Readonly<Record<ConsentFilter, string>> = {
  opt_out: 'Opted out (opt-out attribute set)',
  opt_in: 'Not opted in (opt-in attribute not set)',
  email_unsubscribed: 'Unsubscribed from email',
  ad_tracking: 'Ad tracking not enabled on any device (device IDs were their only key)',
};

const attributeName = z.string().trim().min(1).max(255);

/** Each filter's setting, without a default: what one export or one workspace may choose. */
const consentChoices = {
  requireAdTrackingForDeviceIds: z
    .boolean()
    .describe(
      "Send a device's IDFA / advertising ID only when the device has ad_tracking_enabled: true.",
    ),
  optOutAttribute: attributeName
    .nullable()
    .describe('Users with this attribute set to true, 1 or "yes" are never sent; null: no check.'),
  optInAttribute: attributeName
    .nullable()
    .describe('When set, only users with this attribute true, 1 or "yes" are sent.'),
  excludeEmailUnsubscribed: z
    .boolean()
    .describe('Leave out users whose email_subscribe is "unsubscribed".'),
};

/**
 * A workspace's consent defaults, and so an export's settings once its overrides are applied.
 * Attribute names are custom attributes (Braze) or column names (file uploads), compared
 * ignoring case, spaces, underscores and hyphens.
 */
export const consentSettings = z.object({
  requireAdTrackingForDeviceIds: consentChoices.requireAdTrackingForDeviceIds.default(true),
  optOutAttribute: consentChoices.optOutAttribute.default('do_not_sell_or_share'),
  optInAttribute: consentChoices.optInAttribute.default(null),
  excludeEmailUnsubscribed: consentChoices.excludeEmailUnsubscribed.default(false),
});
export type ConsentSettings = z.infer<typeof consentSettings>;

export const DEFAULT_CONSENT_SETTINGS: ConsentSettings = consentSettings.parse({});

/**
 * What one export changes from its workspace's defaults. Without defaults of its own: a
 * filter the export leaves out must stay absent, or it would silently replace the
 * workspace's choice with the built-in one.
 */
export const consentOverrides = z.object(consentChoices).partial();
export type ConsentOverrides = z.infer<typeof consentOverrides>;

/** An export's settings: its own choices over the workspace's defaults over the built-in ones. */
export function resolveConsentSettings(
  workspaceDefaults: ConsentOverrides = {},
  exportChoices: ConsentOverrides = {},
): ConsentSettings {
  return consentSettings.parse({
    ...definedOnly(workspaceDefaults),
    ...definedOnly(exportChoices),
  });
}

/** `{ optInAttribute: undefined }` means "not chosen", unlike `null`, which turns the check off. */
function definedOnly(choices: ConsentOverrides): ConsentOverrides {
  return Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined));
}
