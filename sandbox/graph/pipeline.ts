import type { Context, Next } from 'hono';
import type { GraphEnv } from './context.ts';
import { type Params, readParams } from './params.ts';
import { adAccountUsageHeader, appUsageHeader, businessUseCaseUsageHeader } from './rate-limit.ts';
import type { RequestRecord, World } from './world.ts';

/** The request log keeps at most this many rows of an upload's payload.data. */
const LOGGED_ROWS = 20;

/**
 * First stage of every Graph call: reads the parameters, records the call in the request log
 * (token and proof visible, so tests can check them) and stamps the answer with Meta's
 * headers once the call is done, errors included.
 */
export function recordCalls(world: World) {
  return async (c: Context<GraphEnv>, next: Next) => {
    c.set('world', world);
    const url = new URL(c.req.url);
    const record: RequestRecord = {
      at: world.now().toISOString(),
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      params: {},
      authorization: c.req.header('authorization'),
    };
    c.set('record', record);
    c.set('params', {});
    world.logRequest(record);
    // A body that can't be parsed is answered by the error handler, which logs its status.
    const params = await readParams(c.req.raw);
    c.set('params', params);
    Object.assign(record, describeParams(params));
    await next();
    stampResponse(c, world, record);
  };
}

function describeParams(params: Params): Partial<RequestRecord> {
  const text = (name: string) =>
    typeof params[name] === 'string' ? String(params[name]) : undefined;
  const logged: Record<string, unknown> = { ...params };
  let payloadRowCount: number | undefined;
  let payload = params.payload;
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload);
    } catch {
      // Kept as sent; the handler reports it.
    }
  }
  if (
    payload &&
    typeof payload === 'object' &&
    Array.isArray((payload as { data?: unknown }).data)
  ) {
    const data = (payload as { data: unknown[] }).data;
    payloadRowCount = data.length;
    logged.payload = { ...payload, data: data.slice(0, LOGGED_ROWS) };
  }
  return {
    params: logged,
    payloadRowCount,
    accessToken: text('access_token'),
    appsecretProof: text('appsecret_proof'),
    appsecretTime: params.appsecret_time === undefined ? undefined : String(params.appsecret_time),
  };
}

function stampResponse(c: Context<GraphEnv>, world: World, record: RequestRecord): void {
  const headers = c.res.headers;
  const now = world.now().getTime();
  const accountId = c.var.usageAccountId;
  if (accountId) {
    const quota = world.limiter.quotaFor(accountId, world.liveAudiencesOf(accountId).length);
    const usage = world.limiter.usage(accountId, quota, now);
    const forced = c.var.forcedThrottleMinutes;
    const shown =
      forced === undefined
        ? usage
        : {
            callCount: 100,
            totalCputime: 100,
            totalTime: 100,
            estimatedTimeToRegainAccess: forced,
          };
    headers.set('x-business-use-case-usage', businessUseCaseUsageHeader(accountId, shown));
    headers.set(
      'x-ad-account-usage',
      adAccountUsageHeader(shown, world.limiter.secondsToReset(accountId, now)),
    );
  }
  const appId = c.var.usageAppId;
  if (appId) headers.set('x-app-usage', appUsageHeader(world.limiter.appUsage(appId, now)));
  headers.set('facebook-api-version', c.var.version ?? '');
  record.status = c.res.status;
}
