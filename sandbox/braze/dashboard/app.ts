import { Hono } from 'hono';
import { type InternalApiDeps, internalApiRoutes } from './internal-api.ts';
import { pageRoutes } from './pages.ts';

/**
 * The dashboard origin (like `dashboard-01.braze.com`): segment list and segment pages, and
 * the JSON they render from. Scripts are same-origin only, so an injected name could never run.
 */
export function createDashboardApp({ workspace, apiIdentifierDelay }: InternalApiDeps) {
  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('content-security-policy', "script-src 'self'; object-src 'none'; base-uri 'none'");
      c.header('x-content-type-options', 'nosniff');
    })
    .route('/', pageRoutes({ workspace }))
    .route('/', internalApiRoutes({ workspace, apiIdentifierDelay }))
    .notFound((c) => c.text('Not Found', 404));
}
