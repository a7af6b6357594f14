import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRelayApp, type RelayApp } from './app.ts';
import type { RelayConfig } from './config.ts';
import { scheduleDailyChecks } from './facebook/connection/daily-check-schedule.ts';
import { createFacebookServices, type FacebookServices } from './facebook/facebook-services.ts';
import { type HttpServer, listen } from './http/listen.ts';
import { createBrazeSnapshotSource } from './jobs/braze-snapshot.ts';
import { createExportJobs, type ExportJobs } from './jobs/export-jobs.ts';
import { createExportSources } from './jobs/export-sources.ts';
import { scheduleUploadSweep } from './jobs/sweep-unused-uploads.ts';
import type { Logger } from './log.ts';
import { createRelayMetrics, type RelayMetrics } from './metrics/relay-metrics.ts';
import { storeReadings } from './metrics/store-readings.ts';
import { openRelayServices, type RelayServices } from './relay-services.ts';
import type { Timers } from './schedule/repeat.ts';
import { deriveKey } from './secrets/derive-key.ts';
import { createBrazeSettings } from './sources/braze/braze-settings.ts';
import { createBrazeExportCallbacks } from './sources/braze/export-callbacks.ts';
import { createUploadSpool } from './sources/file/upload-spool.ts';
import { createDeliveryLoop, type DeliveryLoop } from './syncs/delivery/delivery-loop.ts';
import { createSyncFlush } from './syncs/delivery/flush-sync.ts';
import { createSyncManager } from './syncs/manage/sync-manager.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

export interface RunningRelay extends HttpServer {
  app: RelayApp;
  services: RelayServices;
  facebook: FacebookServices;
  exports: ExportJobs;
  metrics: RelayMetrics;
  /** Sends what syncs queued to Facebook every few seconds. */
  delivery: DeliveryLoop;
}

export interface StartRelayOptions {
  now?: () => Date;
  /** How the relay reaches Facebook (tests: the Graph emulator needs none of this). */
  fetch?: typeof fetch;
  /** For the daily Facebook check. */
  timers?: Timers;
  /** For the sync delivery loop's ticks (tests: fired by hand); real timers by default. */
  deliveryTimers?: Timers;
  /** The jitter of sync retries; `Math.random` by default. */
  random?: () => number;
  /** How pacing and retries wait (tests: on a manual clock); real time by default. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The address Braze calls back at, from the one the relay listens on (tests, whose port is
   * picked at start); `RELAY_PUBLIC_URL` by default.
   */
  publicUrl?: (listeningUrl: string) => string | undefined;
}

/**
 * Opens the store (migrating it), then serves the relay and checks Facebook connections
 * daily until `close()`, which stops both and closes the store.
 */
export async function startRelay(
  config: RelayConfig,
  logger: Logger,
  {
    now = () => new Date(),
    fetch: fetchImpl = fetch,
    timers,
    deliveryTimers,
    sleep,
    random = Math.random,
    publicUrl = () => config.publicUrl,
  }: StartRelayOptions = {},
): Promise<RunningRelay> {
  const services = openRelayServices(config, { now });
  try {
    await reportStartupState(config, services, logger);
    const metrics = createRelayMetrics(storeReadings(services.store));
    const facebook = createFacebookServices({
      facebook: config.facebook,
      store: services.store,
      secrets: services.secrets,
      stateSigningKey: deriveKey(services.relaySecrets.current, 'facebook-oauth-state'),
      logger,
      now,
      fetch: fetchImpl,
      ...(sleep ? { sleep } : {}),
      onGraphError: (error) => metrics.facebookError(error.errorClass),
    });
    const spool = createUploadSpool({
      dir: join(config.dataDir, 'spool'),
      key: deriveKey(services.relaySecrets.current, 'upload-spool'),
      now,
    });
    const braze = createBrazeSettings({
      secrets: services.secrets,
      now,
      client: { fetch: fetchImpl },
    });
    let listeningUrl: string | undefined;
    const brazeCallbacks = createBrazeExportCallbacks({
      publicUrl: () => (listeningUrl ? publicUrl(listeningUrl) : undefined),
    });
    const exports = createExportJobs({
      jobs: services.store.exportJobs,
      consentDefaults: services.store.consentDefaults,
      graphs: facebook.graphs,
      sources: createExportSources({
        spool,
        braze: createBrazeSnapshotSource({
          braze,
          spool,
          callbacks: brazeCallbacks,
          ...(sleep ? { sleep } : {}),
        }),
      }),
      logger,
      now,
      ...(sleep ? { sleep } : {}),
    });
    const app = createRelayApp({
      logger,
      store: services.store,
      sessions: services.sessions,
      facebook,
      exports,
      spool,
      braze,
      brazeCallbacks,
      syncs: createSyncManager({
        syncs: services.store.syncs,
        secrets: services.secrets,
        graphs: facebook.graphs,
        now,
      }),
      metrics,
      config,
      now,
      version,
    });
    const server = await listen({ fetch: app.fetch, host: config.host, port: config.port });
    listeningUrl = server.url;
    logger.info('relay listening', {
      url: server.url,
      dataDir: config.dataDir,
      keyMaterial: services.relaySecrets.source,
      facebookMode: config.facebook.mode,
    });
    const resumed = await exports.resumeUnfinished();
    if (resumed > 0) logger.info('resuming unfinished exports', { count: resumed });
    const delivery = createDeliveryLoop({
      syncs: services.store.syncs,
      flush: createSyncFlush({
        syncs: services.store.syncs,
        graphs: facebook.graphs,
        pacer: facebook.pacer,
        logger,
        metrics: metrics.delivery,
        retryWindowMs: config.delivery.retryWindowMs,
        now,
        random,
      }),
      logger,
      intervalMs: config.delivery.flushIntervalMs,
      now,
      ...(deliveryTimers ? { timers: deliveryTimers } : {}),
    });
    delivery.start();
    const dailyChecks = scheduleDailyChecks({
      run: facebook.health.checkAll,
      logger,
      ...(timers ? { timers } : {}),
    });
    // After the unfinished exports are back in the store's view, so their uploads are kept.
    const uploadSweep = scheduleUploadSweep({
      spool,
      jobs: services.store.exportJobs,
      ttlMs: config.unusedUploadTtlMs,
      now,
      logger,
      ...(timers ? { timers } : {}),
    });
    return {
      ...server,
      app,
      services,
      facebook,
      exports,
      metrics,
      delivery,
      async close(graceMs) {
        // Abandons flushes in flight: what Meta had not acknowledged is sent at the next start.
        await delivery.close();
        // Ends SSE streams and stops exports where they are (resumed at the next start).
        await exports.close();
        await server.close(graceMs);
        await dailyChecks.stop();
        await uploadSweep.stop();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

async function reportStartupState(config: RelayConfig, services: RelayServices, logger: Logger) {
  for (const warning of services.relaySecrets.warnings) logger.warn(warning);
  const stale = await services.keyRing.staleKids();
  if (stale.unreadable.length > 0) {
    logger.error(
      'stored secrets under these encryption keys cannot be decrypted: the relay secret that made them is not configured (set RELAY_PREVIOUS_SECRET, then run `npm run relay -- rotate-key`)',
      { kids: stale.unreadable },
    );
  }
  if (stale.previousSecret.length > 0) {
    logger.warn(
      'some secrets are still encrypted under RELAY_PREVIOUS_SECRET: run `npm run relay -- rotate-key`',
      { kids: stale.previousSecret },
    );
  }
  if (config.facebook.mode === 'sandbox') {
    logger.warn(
      'SANDBOX MODE: no Facebook app configured (FACEBOOK_APP_ID / FACEBOOK_APP_SECRET), so the relay talks to the Graph emulator’s demo app, not to Facebook. Nothing reaches real ad accounts.',
      { graphBaseUrl: config.facebook.graphBaseUrl, appId: config.facebook.appId },
    );
  }
}
