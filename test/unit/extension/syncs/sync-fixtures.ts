import { vi } from 'vitest';
import type { BackgroundSyncs } from '../../../../extension/ui/background-syncs.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../shared/consent-settings.ts';
import type {
  LaunchCheckResponse,
  SyncMetricsResponse,
  SyncView,
} from '../../../../shared/relay-api/syncs.ts';
import { connectedAccount, facebookStatus } from '../facebook/facebook-fixtures.ts';
import { NOW } from '../relay/fake-relay.ts';

export const SYNC_ID = 'sync_abc';

/** A sync as the relay shows it; active, launched at NOW, unless overridden. */
export function syncView(overrides: Partial<SyncView> = {}): SyncView {
  return {
    id: SYNC_ID,
    name: 'Cart abandoners',
    status: 'active',
    adAccountId: '1029384756',
    audience: {
      kind: 'new',
      name: 'Cart abandoners (live)',
      facebookAudienceId: '23850000000000042',
      adsManagerUrl: 'https://adsmanager.facebook.com/adsmanager/audiences?act=1029384756',
    },
    action: 'add',
    fields: ['EMAIL'],
    // As the relay's schema reads it back: every filter set.
    consent: DEFAULT_CONSENT_SETTINGS,
    defaultCountry: null,
    ingestUrl: `https://relay.example.com/v1/ingest/${SYNC_ID}`,
    error: null,
    counts: { entered: 120, synced: 100, notSynced: 5, pending: 15, errored: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    launchedAt: NOW.toISOString(),
    ...overrides,
  };
}

export const draftSync = (overrides: Partial<SyncView> = {}) =>
  syncView({
    status: 'draft',
    launchedAt: null,
    counts: { entered: 0, synced: 0, notSynced: 0, pending: 0, errored: 0 },
    ...overrides,
  });

/** Two minutes of activity in a one-hour window ending at NOW. */
export function metrics(overrides: Partial<SyncMetricsResponse> = {}): SyncMetricsResponse {
  return {
    counts: syncView().counts,
    series: [
      { minute: '2026-11-22T11:30:00.000Z', entered: 60, synced: 50, notSynced: 2, errored: 0 },
      { minute: '2026-11-22T11:45:00.000Z', entered: 60, synced: 50, notSynced: 3, errored: 1 },
    ],
    from: '2026-11-22T11:00:00.000Z',
    to: NOW.toISOString(),
    ...overrides,
  };
}

export const launchCheck = (overrides: Partial<LaunchCheckResponse> = {}): LaunchCheckResponse => ({
  ok: true,
  refusals: [],
  warnings: [],
  ...overrides,
});

/** A relay answer through the background: `{ ok, value: { ok, value } }`. */
export const ok = <T>(value: T) => ({ ok: true as const, value: { ok: true as const, value } });
export const refused = (status: number, code: string) => ({
  ok: true as const,
  value: {
    ok: false as const,
    failure: {
      kind: status === 403 ? ('forbidden' as const) : ('rejected' as const),
      status,
      code,
      message: `${code} (test)`,
      requestId: `req-${code}`,
    },
  },
});

/** The Syncs page's view of the background, answering with fixtures and recording calls. */
export function fakeBackgroundSyncs() {
  return {
    list: vi.fn<BackgroundSyncs['list']>(async () => ok({ syncs: [syncView()] })),
    get: vi.fn<BackgroundSyncs['get']>(async () => ok(syncView())),
    create: vi.fn<BackgroundSyncs['create']>(async (request) =>
      ok(draftSync({ name: request.name })),
    ),
    update: vi.fn<BackgroundSyncs['update']>(async () => ok(draftSync())),
    remove: vi.fn<BackgroundSyncs['remove']>(async () => ok(undefined)),
    launchCheck: vi.fn<BackgroundSyncs['launchCheck']>(async () => ok(launchCheck())),
    launch: vi.fn<BackgroundSyncs['launch']>(async () => ok(syncView())),
    pause: vi.fn<BackgroundSyncs['pause']>(async () => ok(syncView({ status: 'paused' }))),
    resume: vi.fn<BackgroundSyncs['resume']>(async () => ok(syncView())),
    secret: vi.fn<BackgroundSyncs['secret']>(async () =>
      ok({ secret: 'arsync_first-secret', rotatedAt: NOW.toISOString() }),
    ),
    rotateSecret: vi.fn<BackgroundSyncs['rotateSecret']>(async () =>
      ok({ secret: 'arsync_second-secret', rotatedAt: NOW.toISOString() }),
    ),
    metrics: vi.fn<BackgroundSyncs['metrics']>(async () => ok(metrics())),
    syncableAudiences: vi.fn<BackgroundSyncs['syncableAudiences']>(async () =>
      ok({
        audiences: [
          {
            id: '23850000000000001',
            name: 'Newsletter',
            approximateCount: 12000,
            usable: true,
            reason: null,
          },
          {
            id: '23850000000000002',
            name: 'High value',
            approximateCount: 3000,
            usable: false,
            reason: {
              code: 'facebook_value_based_audience_not_supported',
              message: 'Value-based audiences can’t be filled by a sync.',
            },
          },
        ],
      }),
    ),
    facebookStatus: vi.fn<BackgroundSyncs['facebookStatus']>(async () =>
      ok(facebookStatus({ adAccounts: [connectedAccount()] })),
    ),
    consentDefaults: vi.fn<BackgroundSyncs['consentDefaults']>(async () =>
      ok({ settings: DEFAULT_CONSENT_SETTINGS, updatedAt: null }),
    ),
  } satisfies BackgroundSyncs;
}
