import type { ConsentSettings } from '../../../shared/consent-settings.ts';
import type { MatchKey } from '../../../shared/match-keys.ts';

/** What `POST /users/export/segment` is asked for. */
export interface BrazeExportFields {
  fields: string[];
  customAttributes: string[];
}

/**
 * The Braze fields each match key reads (see `FIELD_OF_KEY` in match-rows.ts). Phone numbers,
 * US states and ZIP codes are normalized with the user's country, so those keys need it too.
 * Braze has no standard state or ZIP attribute: they come from custom attributes of those
 * names (column-names.ts recognises them).
 */
const BRAZE_FIELDS_OF_KEY: Readonly<
  Record<MatchKey, { fields: readonly string[]; customAttributes?: readonly string[] }>
> = {
  EMAIL: { fields: ['email'] },
  PHONE: { fields: ['phone', 'country'] },
  MADID: { fields: ['devices'] },
  EXTERN_ID: { fields: ['external_id'] },
  FN: { fields: ['first_name'] },
  FI: { fields: ['first_name'] },
  LN: { fields: ['last_name'] },
  GEN: { fields: ['gender'] },
  DOBY: { fields: ['dob'] },
  DOBM: { fields: ['dob'] },
  DOBD: { fields: ['dob'] },
  CT: { fields: ['home_city'] },
  ST: { fields: ['country'], customAttributes: ['state'] },
  ZIP: { fields: ['country'], customAttributes: ['zip_code', 'zip'] },
  COUNTRY: { fields: ['country'] },
};

/**
 * Only what an export needs: Braze exports are slower and may fail when large ("export fewer
 * fields", §1.4), and the relay should not receive personal data it will not send. Consent
 * attributes come by name (`custom_attributes_to_export`), never all custom attributes.
 * Sorted, so that the same export always asks the same question.
 */
export function brazeExportFields(
  keys: readonly MatchKey[],
  consent: ConsentSettings,
): BrazeExportFields {
  const fields = new Set<string>();
  const customAttributes = new Set<string>();
  for (const key of keys) {
    for (const field of BRAZE_FIELDS_OF_KEY[key].fields) fields.add(field);
    for (const name of BRAZE_FIELDS_OF_KEY[key].customAttributes ?? []) customAttributes.add(name);
  }
  if (consent.optOutAttribute !== null) customAttributes.add(consent.optOutAttribute);
  if (consent.optInAttribute !== null) customAttributes.add(consent.optInAttribute);
  if (consent.excludeEmailUnsubscribed) fields.add('email_subscribe');
  return { fields: [...fields].sort(), customAttributes: [...customAttributes].sort() };
}
