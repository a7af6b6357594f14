import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../proxy/http/api-error.ts';
import type { SyncRecord } from '../../../../../proxy/store/syncs.ts';
import { updateChange } from '../../../../../proxy/syncs/manage/edit-rules.ts';
import { activeSync } from '../../../../support/sync-records.ts';

const launched: SyncRecord = activeSync({
  adAccountId: '1029384756',
  audienceKind: 'new',
  audienceName: 'Cart abandoners',
  facebookAudienceId: '23850000000000042',
  fields: ['EMAIL', 'PHONE'],
});

const refusal = (sync: SyncRecord, request: Parameters<typeof updateChange>[1]) => {
  try {
    updateChange(sync, request);
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, fields: error.details.fields };
    throw error;
  }
  return undefined;
};

describe('updateChange', () => {
  it('lets a draft change anything, choosing an existing audience drops the new one', () => {
    const draft: SyncRecord = { ...launched, status: 'draft', facebookAudienceId: null };
    expect(
      updateChange(draft, {
        audience: { kind: 'existing', facebookAudienceId: '23850000000000001' },
        action: 'remove',
        fields: ['MADID'],
      }),
    ).toEqual({
      audienceKind: 'existing',
      audienceName: null,
      facebookAudienceId: '23850000000000001',
      action: 'remove',
      fields: ['MADID'],
    });
  });

  it.each(['active', 'paused', 'errored'] as const)(
    'keeps only name, consent and default country open once %s',
    (status) => {
      const sync = { ...launched, status };
      expect(refusal(sync, { fields: ['EMAIL'] })).toEqual({
        code: 'sync_not_editable',
        fields: ['fields'],
      });
      expect(refusal(sync, { action: 'remove', adAccountId: '1' })).toEqual({
        code: 'sync_not_editable',
        fields: ['adAccountId', 'action'],
      });
      expect(refusal(sync, { audience: { kind: 'new', name: 'Other name' } })).toEqual({
        code: 'sync_not_editable',
        fields: ['audience'],
      });
      expect(
        refusal(sync, { audience: { kind: 'existing', facebookAudienceId: '23850000000000042' } }),
      ).toEqual({ code: 'sync_not_editable', fields: ['audience'] });
    },
  );

  it('accepts locked settings sent back unchanged, and changes only the open ones', () => {
    expect(
      updateChange(launched, {
        name: 'Renamed',
        adAccountId: '1029384756',
        audience: { kind: 'new', name: 'Cart abandoners' },
        action: 'add',
        fields: ['EMAIL', 'PHONE'],
        consent: { optInAttribute: 'ads_ok' },
        defaultCountry: 'US',
      }),
    ).toEqual({ name: 'Renamed', consent: { optInAttribute: 'ads_ok' }, defaultCountry: 'US' });
  });
});
