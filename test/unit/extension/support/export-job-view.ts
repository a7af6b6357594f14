import { META_MATCH_NOTE } from '../../../../shared/export-report.ts';
import {
  adsManagerUrl,
  type ExportJobView,
  exportJobView,
} from '../../../../shared/relay-api/exports.ts';

export const AD_ACCOUNT = '1029384756';

/** What the relay reports for an export of two audiences (Email, Phone number) that ended well. */
export function exportJobViewOf(over: Partial<ExportJobView> = {}): ExportJobView {
  return exportJobView.parse({
    id: 'exp_1',
    status: 'done',
    adAccountId: AD_ACCOUNT,
    source: { kind: 'braze', name: 'Spring buyers' },
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:02:00.000Z',
    finishedAt: '2026-11-22T10:02:00.000Z',
    error: null,
    resumable: false,
    audiences: [
      {
        audience: 'EMAIL',
        name: 'Spring buyers — Email',
        facebookAudienceId: '2384001',
        adsManagerUrl: adsManagerUrl(AD_ACCOUNT, '2384001'),
      },
      {
        audience: 'PHONE',
        name: 'Spring buyers — Phone number',
        facebookAudienceId: '2384002',
        adsManagerUrl: adsManagerUrl(AD_ACCOUNT, '2384002'),
      },
    ],
    report: {
      source: {
        rowsRead: 1_240,
        malformed: 6,
        malformedSample: [{ line: 17, problem: 'invalid_json' }],
        unmappedColumns: [],
      },
      users: {
        read: 1_234,
        removed: { opt_out: 31, opt_in: 0, email_unsubscribed: 12, ad_tracking: 3 },
        eligible: 1_188,
        withoutUsableKey: 8,
        sent: 1_180,
      },
      deviceIdsWithheld: 0,
      audiences: [
        {
          audience: 'EMAIL',
          schema: 'EMAIL_SHA256',
          fields: [{ key: 'EMAIL', valid: 1_150, unusable: 9 }],
          users: 1_150,
          sent: 1_150,
          batches: 1,
          meta: { received: 1_150, invalid: 4 },
        },
        {
          audience: 'PHONE',
          schema: 'PHONE_SHA256',
          fields: [{ key: 'PHONE', valid: 1_020, unusable: 77 }],
          users: 1_020,
          sent: 1_020,
          batches: 1,
          meta: null,
        },
      ],
      matchNote: META_MATCH_NOTE,
    },
    ...over,
  });
}
