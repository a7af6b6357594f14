import { z } from 'zod';
import { consentSettings } from '../consent-settings.ts';

/**
 * `PUT /v1/settings/consent`: the workspace's defaults, whole (a filter left out gets the
 * built-in default; an unknown name is refused rather than silently ignored).
 */
export const consentDefaultsRequest = consentSettings.strict();

export const consentDefaultsResponse = z.object({
  settings: consentSettings.describe('What exports and syncs start from, unless they choose.'),
  updatedAt: z.iso
    .datetime()
    .nullable()
    .describe('When an admin last saved them; null: the built-in defaults.'),
});
export type ConsentDefaultsResponse = z.infer<typeof consentDefaultsResponse>;
