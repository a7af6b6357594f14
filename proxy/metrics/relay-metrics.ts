import type { FacebookErrorClass } from '../../shared/error-catalog.ts';
import type { SyncAction } from '../../shared/relay-api/syncs.ts';
import {
  type Counter,
  createMetricRegistry,
  type Histogram,
  type MetricRegistry,
} from './metric-registry.ts';

/** What the gauges read from the store at scrape time. */
export interface MetricReadings {
  /** Users queued across every sync. */
  pendingSyncUsers(): Promise<number>;
  activeSyncs(): Promise<number>;
  /** Export jobs not yet ended, by status. */
  unfinishedExports(): Promise<Record<string, number>>;
}

/** What the delivery loop reports. */
export interface DeliveryMetrics {
  batchSent(action: SyncAction): void;
  usersSynced(count: number): void;
  usersGivenUp(count: number): void;
}

/** The relay's operational metrics: what `/metrics` shows. No label ever carries PII or an id. */
export interface RelayMetrics {
  registry: MetricRegistry;
  /** Seconds, by route pattern, method and status class (`2xx`…). */
  httpDuration: Histogram;
  /** Every failed Graph call, by error class (throttled, transient, reauthorize, …). */
  facebookError(errorClass: FacebookErrorClass): void;
  delivery: DeliveryMetrics;
}

/** Latency buckets in seconds: from a cached read to a slow upload. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createRelayMetrics(readings: MetricReadings): RelayMetrics {
  const registry = createMetricRegistry();
  registry.gauge(
    'relay_sync_queue_users',
    'Users queued for Facebook across every sync (hashed, waiting for delivery).',
    readings.pendingSyncUsers,
  );
  registry.gauge('relay_syncs_active', 'Syncs whose status is active.', readings.activeSyncs);
  registry.gauge(
    'relay_export_jobs_unfinished',
    'Export jobs not yet ended, by status.',
    async () =>
      Object.entries(await readings.unfinishedExports()).map(
        ([status, count]) => [{ status }, count] as const,
      ),
  );
  const batches: Counter = registry.counter(
    'relay_sync_batches_sent_total',
    'Sync batches Facebook acknowledged, by action (add or remove).',
  );
  const synced = registry.counter(
    'relay_sync_users_synced_total',
    'Queued users Facebook acknowledged.',
  );
  const givenUp = registry.counter(
    'relay_sync_users_errored_total',
    'Queued users given up after the retry window.',
  );
  const facebookErrors = registry.counter(
    'relay_facebook_errors_total',
    'Failed Facebook Graph calls, by error class.',
  );
  const httpDuration = registry.histogram(
    'relay_http_request_duration_seconds',
    'Time to answer HTTP requests, by route pattern, method and status class.',
    HTTP_BUCKETS,
  );
  return {
    registry,
    httpDuration,
    facebookError: (errorClass) => facebookErrors.inc({ class: errorClass }),
    delivery: {
      batchSent: (action) => batches.inc({ action }),
      usersSynced: (count) => synced.inc({}, count),
      usersGivenUp: (count) => givenUp.inc({}, count),
    },
  };
}
