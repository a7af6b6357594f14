import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../clock.ts';
import { controlRoutes } from '../control/control-routes.ts';
import { type Faults, takeFault } from '../control/faults.ts';
import { type RecordedRequest, recordRequests } from '../control/request-log.ts';
import type { ExportJobs } from '../exports/jobs.ts';
import { storageRoutes } from '../exports/storage-routes.ts';
import type { Workspace } from '../segments/workspace.ts';
import type { UserDirectory } from '../users/directory.ts';
import type { ApiKey } from './api-keys.ts';
import { type AuthEnv, requireApiKey } from './auth.ts';
import { brazeError } from './errors.ts';
import { exportIdsRoutes } from './export-ids-routes.ts';
import { exportSegmentRoutes } from './export-segment-routes.ts';
import { type RateLimiter, rateLimit } from './rate-limit.ts';
import { segmentsRoutes } from './segments-routes.ts';

export interface RestDeps {
  seed: string;
  workspace: Workspace;
  directory: UserDirectory;
  apiKeys: readonly ApiKey[];
  limiter: RateLimiter;
  jobs: ExportJobs;
  faults: Faults;
  requests: RecordedRequest[];
  clock: Clock;
  maxBodyBytes: number;
  usersPerFile: number;
  exportTtlHours: number;
}

/**
 * The REST origin (like `rest.iad-01.braze.com`): the Braze API behind its key, the export
 * downloads (standing in for S3) and, under `/__sandbox`, the control API for tests.
 */
export function createRestApp(deps: RestDeps) {
  const { workspace, limiter, jobs, faults, clock } = deps;
  const now = () => clock.now();
  const api = new Hono<AuthEnv>()
    .use(requireApiKey(deps.apiKeys))
    .use(
      rateLimit(limiter, (path) => (path === '/users/export/ids' ? 'usersExportIds' : 'default')),
    )
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: (c) => brazeError(c, 413, 'Payload Too Large: requests are limited to 4 MB'),
      }),
    )
    .route('/', segmentsRoutes({ workspace }))
    .route('/', exportSegmentRoutes({ workspace, jobs }))
    .route('/', exportIdsRoutes({ directory: deps.directory }));

  const braze = new Hono()
    .use(recordRequests(deps.requests, now))
    .use(async (c, next) => {
      const failure = takeFault(faults, 'failNext');
      if (failure) return brazeError(c, failure.status as 500, 'Internal Server Error');
      jobs.poll();
      await next();
    })
    .route(
      '/storage',
      storageRoutes({
        seed: deps.seed,
        jobs,
        faults,
        now,
        usersPerFile: deps.usersPerFile,
        ttlHours: deps.exportTtlHours,
      }),
    )
    .route('/', api);

  return new Hono()
    .route('/__sandbox', controlRoutes({ faults, requests: deps.requests, jobs, clock, limiter }))
    .route('/', braze)
    .notFound((c) => brazeError(c, 404, 'Not Found'));
}
