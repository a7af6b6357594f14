import type {
  CreateSyncRequest,
  SyncAudienceChoice,
  UpdateSyncRequest,
} from '../../../shared/relay-api/syncs.ts';
import { ApiError } from '../../http/api-error.ts';
import type { SyncChange, SyncRecord } from '../../store/syncs.ts';

type Settings = Omit<CreateSyncRequest, 'action'> & Partial<Pick<CreateSyncRequest, 'action'>>;

const audienceColumns = (audience: SyncAudienceChoice): SyncChange =>
  audience.kind === 'new'
    ? { audienceKind: 'new', audienceName: audience.name, facebookAudienceId: null }
    : {
        audienceKind: 'existing',
        audienceName: null,
        facebookAudienceId: audience.facebookAudienceId,
      };

/** The stored form of settings as a request gives them (only those it gives). */
export function settingsChange(settings: Partial<Settings>): SyncChange {
  return {
    ...(settings.name !== undefined ? { name: settings.name } : {}),
    ...(settings.adAccountId !== undefined ? { adAccountId: settings.adAccountId } : {}),
    ...(settings.audience !== undefined ? audienceColumns(settings.audience) : {}),
    ...(settings.action !== undefined ? { action: settings.action } : {}),
    ...(settings.fields !== undefined ? { fields: settings.fields } : {}),
    ...(settings.consent !== undefined ? { consent: settings.consent } : {}),
    ...(settings.defaultCountry !== undefined ? { defaultCountry: settings.defaultCountry } : {}),
  };
}

/** What queued rows were hashed and the audience created for, fixed once launched: each stored setting with the request's name for it. */
const LOCKED_AFTER_LAUNCH = {
  adAccountId: 'adAccountId',
  audienceKind: 'audience',
  audienceName: 'audience',
  facebookAudienceId: 'audience',
  action: 'action',
  fields: 'fields',
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The change an update makes (edit rules in `updateSyncRequest`'s comment): a draft may
 * change anything; a launched sync only its name, consent filters and default country.
 * Sending a locked setting unchanged is fine (an editor may send the whole form), changing
 * it is `sync_not_editable`, naming the settings.
 */
export function updateChange(sync: SyncRecord, request: UpdateSyncRequest): SyncChange {
  const change = settingsChange(request);
  if (sync.status === 'draft') return change;
  // A launched new audience keeps its name and id: the request names it, Meta holds the id.
  const launchedAudience =
    request.audience?.kind === 'new' && sync.audienceKind === 'new'
      ? { audienceName: request.audience.name, facebookAudienceId: sync.facebookAudienceId }
      : {};
  const compared = { ...change, ...launchedAudience };
  const locked = [
    ...new Set(
      Object.entries(LOCKED_AFTER_LAUNCH)
        .filter(([setting]) => {
          const key = setting as keyof typeof LOCKED_AFTER_LAUNCH;
          return key in compared && !same(compared[key], sync[key]);
        })
        .map(([, requestName]) => requestName),
    ),
  ];
  if (locked.length > 0) {
    throw new ApiError(
      'sync_not_editable',
      `A launched sync keeps its ${locked.join(', ')}; only name, consent and defaultCountry may change. Create a new sync instead.`,
      { fields: locked },
    );
  }
  return settingsChange({
    name: request.name,
    consent: request.consent,
    defaultCountry: request.defaultCountry,
  });
}
