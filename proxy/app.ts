import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createAuthenticator } from './auth/authenticator.ts';
import { requireSession } from './auth/require-session.ts';
import type { SessionTokens } from './auth/session-token.ts';
import { createWorkspaceAdmin } from './auth/workspace-admin.ts';
import type { RelayConfig } from './config.ts';
import type { FacebookServices } from './facebook/facebook-services.ts';
import { extensionCors } from './http/cors.ts';
import { handleError, handleNotFound } from './http/error-handler.ts';
import type { RelayEnv } from './http/relay-env.ts';
import { requestLog } from './http/request-log.ts';
import type { ExportJobs } from './jobs/export-jobs.ts';
import type { Logger } from './log.ts';
import { httpMetrics } from './metrics/http-metrics.ts';
import type { RelayMetrics } from './metrics/relay-metrics.ts';
import type { ApiOperation } from './openapi/api-operation.ts';
import { buildOpenApiDocument } from './openapi/openapi-document.ts';
import { audienceOperations, audienceRoutes } from './routes/audiences.ts';
import { brazeSourceOperations, brazeSourceRoutes } from './routes/braze-source.ts';
import { exportOperations, exportRoutes } from './routes/exports.ts';
import {
  facebookAdAccountOperations,
  facebookAdAccountRoutes,
} from './routes/facebook-ad-accounts.ts';
import {
  facebookConnectionOperations,
  facebookConnectionRoutes,
} from './routes/facebook-connection.ts';
import { facebookOAuthOperations, facebookOAuthRoutes } from './routes/facebook-oauth.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestOperations, ingestRoutes } from './routes/ingest.ts';
import { keyOperations, keyRoutes } from './routes/keys.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { openApiOperations, openApiRoutes } from './routes/openapi.ts';
import { sessionOperations, sessionRoutes } from './routes/session.ts';
import { syncOperations, syncRoutes } from './routes/syncs.ts';
import { workspaceOperations, workspaceRoutes } from './routes/workspace.ts';
import type { BrazeSettings } from './sources/braze/braze-settings.ts';
import type { UploadSpool } from './sources/file/upload-spool.ts';
import type { RelayStore } from './store/store.ts';
import type { SyncManager } from './syncs/manage/sync-manager.ts';

export interface RelayDeps {
  logger: Logger;
  store: RelayStore;
  sessions: SessionTokens;
  facebook: FacebookServices;
  exports: ExportJobs;
  spool: UploadSpool;
  braze: BrazeSettings;
  syncs: SyncManager;
  metrics: RelayMetrics;
  config: Pick<RelayConfig, 'allowedOrigins' | 'bodyLimits' | 'publicUrl' | 'metricsToken'>;
  now?: () => Date;
  version?: string;
}

/** Every `/v1` operation; each router documents its own beside its code. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...sessionOperations,
  ...workspaceOperations,
  ...keyOperations,
  ...facebookOAuthOperations,
  ...facebookAdAccountOperations,
  ...facebookConnectionOperations,
  ...exportOperations,
  ...audienceOperations,
  ...brazeSourceOperations,
  ...syncOperations,
  ...ingestOperations,
  ...openApiOperations,
];

/** The relay's composition root: middleware, then one router per concern. */
export function createRelayApp({
  logger,
  store,
  sessions,
  facebook,
  exports,
  spool,
  braze,
  syncs,
  metrics,
  config,
  now = () => new Date(),
  version = '0.0.0',
}: RelayDeps) {
  const startedAt = now();
  const authenticator = createAuthenticator({ store, sessions, now });
  const admin = createWorkspaceAdmin({ store, now });
  const jsonLimit = config.bodyLimits.jsonBytes;
  return new Hono<RelayEnv>()
    .use(httpMetrics(metrics.httpDuration))
    .use(requestId())
    .use(secureHeaders())
    .use(requestLog(logger))
    .use(extensionCors(config.allowedOrigins))
    .use('/v1/*', async (c, next) => {
      await next();
      // Responses carry session tokens and workspace data: never cache them.
      c.header('Cache-Control', 'no-store');
    })
    .use('/v1/*', requireSession(authenticator, API_OPERATIONS))
    .route('/', healthRoutes({ startedAt, now, version }))
    .route(
      '/',
      metricsRoutes({
        registry: metrics.registry,
        ...(config.metricsToken ? { token: config.metricsToken } : {}),
      }),
    )
    .route('/v1', sessionRoutes({ authenticator, jsonLimit }))
    .route('/v1', workspaceRoutes({ workspaces: store.workspaces }))
    .route('/v1', keyRoutes({ admin, jsonLimit, now }))
    .route('/v1', facebookOAuthRoutes({ facebook, jsonLimit }))
    .route('/v1', facebookAdAccountRoutes({ facebook, jsonLimit }))
    .route('/v1', facebookConnectionRoutes({ facebook, jsonLimit, now }))
    .route(
      '/v1',
      exportRoutes({ exports, spool, jsonLimit, uploadLimit: config.bodyLimits.uploadBytes }),
    )
    .route('/v1', audienceRoutes({ facebook, jobs: store.exportJobs, jsonLimit }))
    .route('/v1', brazeSourceRoutes({ braze, jsonLimit }))
    .route(
      '/v1',
      syncRoutes({
        syncs,
        facebook,
        jsonLimit,
        ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      }),
    )
    .route(
      '/v1',
      ingestRoutes({ syncs: store.syncs, maxBytes: config.bodyLimits.ingestBytes, now }),
    )
    .route('/v1', openApiRoutes(buildOpenApiDocument(API_OPERATIONS, version)))
    .notFound(handleNotFound)
    .onError(handleError(logger));
}

export type RelayApp = ReturnType<typeof createRelayApp>;
