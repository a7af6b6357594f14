import { describe, expect, it } from 'vitest';
import type { AudienceBatch } from '../../../../proxy/exports/batches/batch-rows.ts';
import {
  type ExportPipelineOptions,
  exportPipeline,
} from '../../../../proxy/exports/export-pipeline.ts';
import { readFileSource } from '../../../../proxy/sources/file/read-file-source.ts';
import { DEMO_SEGMENT } from '../../../../sandbox/braze/demo.ts';
import type { AudiencePlan } from '../../../../shared/audience-plan.ts';
import {
  type ConsentOverrides,
  resolveConsentSettings,
} from '../../../../shared/consent-settings.ts';
import {
  type ExportReport,
  exportReport,
  META_MATCH_NOTE,
} from '../../../../shared/export-report.ts';
import { MATCH_KEYS, matchKeyValue } from '../../../../shared/match-keys.ts';
import { rowsOf } from '../../../support/batch-rows.ts';
import { brazeNdjson } from '../../../support/braze-lines.ts';
import { byteStream } from '../../../support/chunks.ts';

const now = () => new Date('2026-06-15T12:00:00Z');
const IDFA = 'AECE52E7-03EE-455A-B3C4-E57283966239';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';

const CSV = [
  'email,phone,idfa,ad_tracking_enabled,do_not_sell_or_share,opted_in_marketing,email_subscribe,country',
  'mary@example.com,(650)555-1212,,,,yes,subscribed,US', // sent: email + phone
  'sold@example.com,,,,true,yes,,', // opt_out (opt-in too, counted once)
  'quiet@example.com,,,,,no,,', // opt_in
  'unsub@example.com,,,,,yes,unsubscribed,', // email_unsubscribed
  `,,${IDFA},false,,yes,,`, // ad_tracking: the withheld IDFA was the only key
  `n/a,,${GAID},true,,yes,,`, // sent: GAID only
  `nobody,12,,,,yes,,`, // eligible, no usable key
  'a@example.com,"unterminated', // malformed: runs to the end of the file
].join('\r\n');

const plan: AudiencePlan = { kind: 'per-field', keys: ['EMAIL', 'PHONE', 'MADID'] };

function run(
  source: string,
  options: Partial<ExportPipelineOptions> = {},
  consent: ConsentOverrides = {
    optInAttribute: 'opted_in_marketing',
    excludeEmailUnsubscribed: true,
  },
) {
  return exportPipeline(readFileSource(byteStream(source)), {
    plan,
    consent: resolveConsentSettings(consent),
    now,
    ...options,
  });
}

const withRows = (batch: AudienceBatch) => ({ ...batch, rows: rowsOf(batch) });

async function drain(pipeline: ReturnType<typeof run>) {
  const batches = await Array.fromAsync(pipeline.batches, withRows);
  return { batches, report: pipeline.report() };
}

/** The sums exportReport's description promises. */
function expectConsistent(report: ExportReport) {
  expect(exportReport.parse(report)).toEqual(report);
  const removed = Object.values(report.users.removed).reduce((sum, count) => sum + count, 0);
  expect(report.source.rowsRead).toBe(report.users.read + report.source.malformed);
  expect(report.users.read).toBe(removed + report.users.eligible);
  expect(report.users.eligible).toBe(report.users.sent + report.users.withoutUsableKey);
  for (const audience of report.audiences) {
    expect(audience.users).toBeLessThanOrEqual(report.users.sent);
    expect(audience.sent).toBeGreaterThanOrEqual(audience.users);
  }
}

describe('exportPipeline', () => {
  it('filters, makes rows and reports every user exactly once', async () => {
    const { batches, report } = await drain(run(CSV));
    expect(batches.map(({ audience, seq, rows, last }) => ({ audience, seq, rows, last }))).toEqual(
      [
        {
          audience: 'EMAIL',
          seq: 1,
          rows: [[matchKeyValue('EMAIL', 'mary@example.com')]],
          last: true,
        },
        { audience: 'PHONE', seq: 1, rows: [[matchKeyValue('PHONE', '+16505551212')]], last: true },
        { audience: 'MADID', seq: 1, rows: [[GAID]], last: true },
      ],
    );
    expect(report).toEqual({
      source: {
        rowsRead: 8,
        malformed: 1,
        malformedSample: [{ line: 9, problem: 'unterminated_quote' }],
        unmappedColumns: ['do_not_sell_or_share', 'opted_in_marketing'],
      },
      users: {
        read: 7,
        removed: { opt_out: 1, opt_in: 1, email_unsubscribed: 1, ad_tracking: 1 },
        eligible: 3,
        withoutUsableKey: 1,
        sent: 2,
      },
      deviceIdsWithheld: 1,
      audiences: [
        {
          audience: 'EMAIL',
          schema: 'EMAIL_SHA256',
          fields: [{ key: 'EMAIL', valid: 1, unusable: 2 }],
          users: 1,
          sent: 1,
          batches: 1,
          meta: null,
        },
        {
          audience: 'PHONE',
          schema: 'PHONE_SHA256',
          fields: [{ key: 'PHONE', valid: 1, unusable: 1 }],
          users: 1,
          sent: 1,
          batches: 1,
          meta: null,
        },
        {
          audience: 'MADID',
          schema: 'MOBILE_ADVERTISER_ID',
          fields: [{ key: 'MADID', valid: 1, unusable: 0 }],
          users: 1,
          sent: 1,
          batches: 1,
          meta: null,
        },
      ],
      matchNote: META_MATCH_NOTE,
    });
    expectConsistent(report);
  });

  it('keeps a user whose device IDs were withheld when another key remains', async () => {
    const source = `email,idfa\nmary@example.com,${IDFA}\n`;
    const { report } = await drain(run(source, {}, {}));
    expect(report.users.removed.ad_tracking).toBe(0);
    expect(report.users.sent).toBe(1);
    expect(report.deviceIdsWithheld).toBe(1);
  });

  it('ignores device IDs altogether when the plan has no MADID', async () => {
    const source = `email,idfa\nn/a,${IDFA}\n`;
    const { report } = await drain(
      run(source, { plan: { kind: 'per-field', keys: ['EMAIL'] } }, {}),
    );
    expect(report.users.removed.ad_tracking).toBe(0);
    expect(report.users.withoutUsableKey).toBe(1);
    expect(report.deviceIdsWithheld).toBe(0);
  });

  it('fills one multi-key audience, and counts each of its keys', async () => {
    const { batches, report } = await drain(
      run(CSV, { plan: { kind: 'multi-key', keys: ['PHONE', 'EMAIL', 'MADID'] } }),
    );
    expect(batches.map((batch) => batch.rows)).toEqual([
      [
        [matchKeyValue('EMAIL', 'mary@example.com'), matchKeyValue('PHONE', '+16505551212'), ''],
        ['', '', GAID],
      ],
    ]);
    expect(report.audiences).toEqual([
      {
        audience: 'MULTI_KEY',
        schema: ['EMAIL', 'PHONE', 'MADID'],
        fields: [
          { key: 'EMAIL', valid: 1, unusable: 2 },
          { key: 'PHONE', valid: 1, unusable: 1 },
          { key: 'MADID', valid: 1, unusable: 0 },
        ],
        users: 2,
        sent: 2,
        batches: 1,
        meta: null,
      },
    ]);
    expectConsistent(report);
  });

  it('reports what it has counted so far, as a snapshot', async () => {
    const pipeline = run(CSV);
    const before = pipeline.report();
    expect(before.users.read).toBe(0);
    for await (const _ of pipeline.batches) break;
    expect(before.users.read).toBe(0);
    expect(pipeline.report().users.read).toBeGreaterThan(0);
  });
});

describe('exportPipeline on a Braze segment', () => {
  const ndjson = brazeNdjson(DEMO_SEGMENT.newsletter);
  const everyKey: AudiencePlan = { kind: 'multi-key', keys: [...MATCH_KEYS] };

  it.each([
    ['per field', plan],
    ['multi-key', everyKey],
  ])('keeps the report’s sums (%s)', async (_, chosen) => {
    const { report } = await drain(run(ndjson, { plan: chosen, defaultCountry: 'US' }));
    expect(report.users.read).toBe(DEMO_SEGMENT.newsletter.size);
    for (const filter of ['opt_out', 'opt_in', 'email_unsubscribed'] as const) {
      expect(report.users.removed[filter]).toBeGreaterThan(0);
    }
    expect(report.deviceIdsWithheld).toBeGreaterThan(0);
    expectConsistent(report);
  });

  it('is deterministic, so a resumed job skips acknowledged batches and sends the same rest', async () => {
    const options = { batchSize: 100, defaultCountry: 'US' };
    const first = await drain(run(ndjson, options));
    const again = await drain(run(ndjson, options));
    expect(again).toEqual(first);
    expect(first.batches.length).toBeGreaterThan(5);

    // A crash after Meta acknowledged EMAIL batches 1–3 and PHONE batch 1: the job reads the
    // source again and skips those by sequence number.
    const acknowledged = new Map([
      ['EMAIL', 3],
      ['PHONE', 1],
    ]);
    const resumed = [];
    for await (const batch of run(ndjson, options).batches) {
      if (batch.seq > (acknowledged.get(batch.audience) ?? 0)) resumed.push(withRows(batch));
    }
    expect(resumed).toEqual(
      first.batches.filter((batch) => batch.seq > (acknowledged.get(batch.audience) ?? 0)),
    );
  });
});
