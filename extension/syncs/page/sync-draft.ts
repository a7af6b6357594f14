import {
  type ConsentOverrides,
  type ConsentSettings,
  DEFAULT_CONSENT_SETTINGS,
  resolveConsentSettings,
} from '../../../shared/consent-settings.ts';
import type { MatchKey } from '../../../shared/match-keys/keys.ts';
import type {
  CreateSyncRequest,
  SyncAction,
  SyncView,
  UpdateSyncRequest,
} from '../../../shared/relay-api/syncs.ts';

/** The editor's fields as typed, before they become a request. */
export interface SyncDraft {
  name: string;
  /** Empty: none chosen yet. */
  adAccountId: string;
  audienceKind: 'new' | 'existing';
  audienceName: string;
  facebookAudienceId: string;
  action: SyncAction;
  fields: MatchKey[];
  consent: ConsentSettings;
  defaultCountry: string;
}

const DRAFT_FIELDS = [
  'name',
  'adAccountId',
  'audience',
  'action',
  'fields',
  'consent',
  'defaultCountry',
] as const;
/** The editor's field names; launch refusals name one of these in `field`. */
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** The fields a launched sync keeps: queued users were hashed and routed for them. */
export const LOCKED_AFTER_LAUNCH: ReadonlySet<DraftField> = new Set([
  'adAccountId',
  'audience',
  'action',
  'fields',
]);

export const isLaunched = (sync: Pick<SyncView, 'status'> | null) =>
  sync !== null && sync.status !== 'draft';

/**
 * What the editor starts from: the sync as saved, or a new one's defaults. Its consent filters
 * show what applies: the sync's own choices over the workspace's defaults.
 */
export function draftOf(
  sync: SyncView | null,
  defaultAdAccountId = '',
  consentDefaults: ConsentSettings = DEFAULT_CONSENT_SETTINGS,
): SyncDraft {
  if (!sync) {
    return {
      name: '',
      adAccountId: defaultAdAccountId,
      audienceKind: 'new',
      audienceName: '',
      facebookAudienceId: '',
      action: 'add',
      fields: ['EMAIL'],
      consent: consentDefaults,
      defaultCountry: '',
    };
  }
  return {
    name: sync.name,
    adAccountId: sync.adAccountId ?? '',
    audienceKind: sync.audience?.kind ?? 'new',
    audienceName: sync.audience?.name ?? '',
    facebookAudienceId: sync.audience?.facebookAudienceId ?? '',
    action: sync.action,
    fields: sync.fields,
    consent: resolveConsentSettings(consentDefaults, sync.consent),
    defaultCountry: sync.defaultCountry ?? '',
  };
}

/**
 * The filters a sync sets for itself: those that differ from the workspace's defaults. The
 * rest follow the defaults, also when an admin changes them later (opt-in among them, which
 * the editor does not show).
 */
export function consentChoices(
  consent: ConsentSettings,
  consentDefaults: ConsentSettings,
): ConsentOverrides {
  return Object.fromEntries(
    Object.entries(consent).filter(
      ([filter, value]) => consentDefaults[filter as keyof ConsentSettings] !== value,
    ),
  );
}

/** A draft as the relay stores it: what is not chosen yet is left out (launch names it). */
export function requestOf(
  draft: SyncDraft,
  consentDefaults: ConsentSettings = DEFAULT_CONSENT_SETTINGS,
): CreateSyncRequest {
  const audience =
    draft.audienceKind === 'new'
      ? draft.audienceName.trim() && { kind: 'new' as const, name: draft.audienceName.trim() }
      : draft.facebookAudienceId && {
          kind: 'existing' as const,
          facebookAudienceId: draft.facebookAudienceId,
        };
  return {
    name: draft.name.trim(),
    action: draft.action,
    consent: consentChoices(draft.consent, consentDefaults),
    ...(draft.adAccountId && { adAccountId: draft.adAccountId }),
    ...(audience && { audience }),
    ...(draft.fields.length > 0 && { fields: draft.fields }),
    ...(draft.defaultCountry.trim() && { defaultCountry: draft.defaultCountry.trim() }),
  };
}

/** The change to send: everything for a draft, only what may still change once launched. */
export function changeOf(
  draft: SyncDraft,
  launched: boolean,
  consentDefaults: ConsentSettings = DEFAULT_CONSENT_SETTINGS,
): UpdateSyncRequest {
  const request = requestOf(draft, consentDefaults);
  if (!launched) return request;
  return {
    name: request.name,
    consent: request.consent,
    ...(request.defaultCountry && { defaultCountry: request.defaultCountry }),
  };
}

/** The editor field a refusal names (`audience.name` → `audience`), if it is one of them. */
export function draftFieldOf(field: string | undefined): DraftField | undefined {
  const head = field?.split(/[.[]/)[0];
  return DRAFT_FIELDS.find((candidate) => candidate === head);
}

/** The attribute the opt-out filter uses when the sync has none of its own. */
export const defaultOptOutAttribute = (consentDefaults: ConsentSettings): string =>
  consentDefaults.optOutAttribute ?? DEFAULT_CONSENT_SETTINGS.optOutAttribute ?? '';

/** The opt-out filter on (the sync's own attribute, or the default one) or off. */
export function withOptOut(
  consent: ConsentSettings,
  on: boolean,
  consentDefaults: ConsentSettings = DEFAULT_CONSENT_SETTINGS,
): ConsentSettings {
  return {
    ...consent,
    optOutAttribute: on
      ? (consent.optOutAttribute ?? defaultOptOutAttribute(consentDefaults))
      : null,
  };
}
