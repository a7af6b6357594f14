import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { LONG_LIVED_SECONDS, SHORT_LIVED_SECONDS } from './routes/oauth-token.ts';
import { settleReplace } from './upload-sessions.ts';
import { operationStatusOf, sizeOf } from './views/audience.ts';
import { type Audience, PERMISSIONS, type UploadSession, type World } from './world.ts';

/**
 * The control API, under `/__sandbox/`: tests (and `npm start`'s demo) shape the world, arm
 * faults, move the clock and read back exactly what the emulator received and holds. It is
 * no Graph path and takes no Graph token.
 */

const task = z.enum(['MANAGE', 'ADVERTISE', 'ANALYZE', 'DRAFT']);
const tasks = z.record(z.string(), z.array(task));

const schemas = {
  app: z.object({
    id: z.string().regex(/^\d+$/).optional(),
    name: z.string().min(1),
    secret: z.string().min(1).optional(),
    redirectUris: z.array(z.string()).default([]),
    requireProof: z.boolean().default(true),
  }),
  person: z.object({ id: z.string().regex(/^\d+$/).optional(), name: z.string().min(1) }),
  systemUser: z.object({
    id: z.string().regex(/^\d+$/).optional(),
    name: z.string().min(1),
    businessId: z.string(),
  }),
  business: z.object({ id: z.string().regex(/^\d+$/).optional(), name: z.string().min(1) }),
  adAccount: z.object({
    id: z.string().regex(/^\d+$/).optional(),
    name: z.string().min(1),
    businessId: z.string().optional(),
    accountStatus: z.number().int().default(1),
    currency: z.string().default('USD'),
    timezoneName: z.string().default('America/Los_Angeles'),
    tosAccepted: z.boolean().default(true),
    tasks: tasks.default({}),
  }),
  adAccountPatch: z.object({
    name: z.string().min(1).optional(),
    accountStatus: z.number().int().optional(),
    tosAccepted: z.boolean().optional(),
    tasks: tasks.optional(),
  }),
  token: z.object({
    appId: z.string().optional(),
    personId: z.string(),
    /** short ≈ 2 h, long ≈ 60 days, never = non-expiring (system users). */
    lifetime: z.enum(['short', 'long', 'never']).optional(),
    expiresIn: z.number().int().min(0).optional(),
    scopes: z.array(z.enum(PERMISSIONS)).optional(),
  }),
  invalidate: z.object({
    token: z.string(),
    reason: z.enum([
      'revoked',
      'expired',
      'password_changed',
      'checkpointed',
      'app_not_installed',
      'unconfirmed',
    ]),
  }),
  dialogUser: z.object({ userId: z.string().nullable() }),
  audience: z.object({
    id: z.string().regex(/^\d+$/).optional(),
    accountId: z.string(),
    name: z.string().min(1),
    description: z.string().optional(),
    isValueBased: z.boolean().optional(),
    operationStatus: z.number().int().optional(),
    members: z.number().int().min(0).max(10_000_000).optional(),
  }),
  audiencePatch: z.object({
    isValueBased: z.boolean().optional(),
    operationStatus: z.number().int().optional(),
  }),
  fault: z.object({
    kind: z.enum(['http500', 'transient', 'latency', 'drop', 'drop-after', 'throttle']),
    path: z.string().default('.*'),
    method: z.string().optional(),
    times: z.number().int().min(1).default(1),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    minutes: z.number().int().min(1).optional(),
  }),
  quota: z.object({
    adAccountId: z.string().optional(),
    /** null returns to the Dev tier formula. */
    callsPerHour: z.number().int().min(1).nullable().optional(),
    appCallsPerHour: z.number().int().min(1).optional(),
  }),
  clock: z.object({ seconds: z.number() }),
};

class ControlError extends Error {
  readonly status: 400 | 403 | 404;
  constructor(status: 400 | 403 | 404, message: string) {
    super(message);
    this.status = status;
  }
}

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ControlError(
      400,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  return parsed.data;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ControlError(404, `No such ${what}`);
  return value;
}

export function audienceSummary(audience: Audience) {
  return {
    id: audience.id,
    accountId: audience.accountId,
    name: audience.name,
    subtype: audience.subtype,
    isValueBased: audience.isValueBased,
    operationStatus: operationStatusOf(audience),
    deleted: audience.deleted,
    size: sizeOf(audience),
    dataSource: audience.dataSource ?? null,
    originAudienceId: audience.originAudienceId ?? null,
  };
}

export function sessionSummary(upload: UploadSession) {
  return {
    sessionId: upload.id,
    audienceId: upload.audienceId,
    operation: upload.operation,
    startedAt: new Date(upload.startedAtMs).toISOString(),
    lastBatchSeq: upload.lastBatchSeq,
    batches: [...upload.batches.keys()].sort((a, b) => a - b),
    finished: upload.finished,
    timedOut: upload.timedOut,
    numReceived: upload.numReceived,
    numInvalidEntries: upload.numInvalidEntries,
    estimatedNumTotal: upload.estimatedNumTotal ?? null,
  };
}

export function controlRoutes(world: World) {
  const lifetimes = { short: SHORT_LIVED_SECONDS, long: LONG_LIVED_SECONDS, never: 0 };
  return new Hono()
    .use(async (c, next) => {
      const url = new URL(c.req.url);
      if (c.req.header('authorization') || url.searchParams.has('access_token')) {
        throw new ControlError(403, 'The control API takes no Graph token');
      }
      await next();
    })
    .post('/reset', (c) => {
      world.reset();
      return c.json({ ok: true });
    })
    .get('/state', (c) =>
      c.json({
        now: world.now().toISOString(),
        dialogUserId: world.dialogUserId ?? null,
        apps: [...world.apps.values()],
        people: [...world.people.values()],
        businesses: [...world.businesses.values()],
        adAccounts: [...world.adAccounts.values()],
        audiences: [...world.audiences.values()].map(audienceSummary),
      }),
    )
    .post('/apps', async (c) => {
      const input = await body(c, schemas.app);
      const app = world.add(world.apps, {
        ...input,
        id: input.id ?? world.newId(15),
        secret: input.secret ?? world.random.chars(32, '0123456789abcdef'),
      });
      return c.json(app, 201);
    })
    .post('/users', async (c) => {
      const input = await body(c, schemas.person);
      return c.json(
        world.add(world.people, { ...input, id: input.id ?? world.newId(15), type: 'USER' }),
        201,
      );
    })
    .post('/system-users', async (c) => {
      const input = await body(c, schemas.systemUser);
      found(world.businesses.get(input.businessId), 'business');
      const person = world.add(world.people, {
        ...input,
        id: input.id ?? world.newId(14),
        type: 'SYSTEM_USER',
      });
      return c.json(person, 201);
    })
    .post('/businesses', async (c) => {
      const input = await body(c, schemas.business);
      return c.json(
        world.add(world.businesses, { ...input, id: input.id ?? world.newId(15) }),
        201,
      );
    })
    .post('/ad-accounts', async (c) => {
      const input = await body(c, schemas.adAccount);
      return c.json(
        world.add(world.adAccounts, { ...input, id: input.id ?? world.newId(10) }),
        201,
      );
    })
    .patch('/ad-accounts/:id', async (c) => {
      const account = found(world.adAccounts.get(c.req.param('id')), 'ad account');
      const input = await body(c, schemas.adAccountPatch);
      Object.assign(account, {
        ...input,
        tasks: input.tasks ? { ...account.tasks, ...input.tasks } : account.tasks,
      });
      return c.json(account);
    })
    .post('/tokens', async (c) => {
      const input = await body(c, schemas.token);
      const person = found(world.people.get(input.personId), 'person');
      const appId = input.appId ?? [...world.apps.keys()][0] ?? '';
      found(world.apps.get(appId), 'app');
      const lifetime = input.lifetime ?? (person.type === 'SYSTEM_USER' ? 'never' : 'long');
      const token = world.issueToken({
        appId,
        personId: person.id,
        scopes: input.scopes ?? [
          'ads_management',
          'ads_read',
          'business_management',
          'public_profile',
        ],
        expiresIn: input.expiresIn ?? lifetimes[lifetime],
      });
      return c.json(token, 201);
    })
    .post('/tokens/invalidate', async (c) => {
      const input = await body(c, schemas.invalidate);
      const token = found(world.tokens.get(input.token), 'token');
      token.invalid = { reason: input.reason, at: world.nowSeconds() };
      return c.json(token);
    })
    .put('/dialog-user', async (c) => {
      const input = await body(c, schemas.dialogUser);
      if (input.userId !== null) found(world.people.get(input.userId), 'user');
      world.dialogUserId = input.userId ?? undefined;
      return c.json({ userId: input.userId });
    })
    .post('/audiences', async (c) => {
      const input = await body(c, schemas.audience);
      found(world.adAccounts.get(input.accountId), 'ad account');
      const audience = world.seedAudience({ ...input, id: input.id ?? world.newAudienceId() });
      return c.json(audienceSummary(audience), 201);
    })
    .patch('/audiences/:id', async (c) => {
      const audience = found(world.audience(c.req.param('id')), 'audience');
      Object.assign(audience, await body(c, schemas.audiencePatch));
      return c.json(audienceSummary(audience));
    })
    .delete('/audiences/:id', (c) => {
      const audience = found(world.audience(c.req.param('id')), 'audience');
      audience.deleted = true;
      return c.json(audienceSummary(audience));
    })
    .get('/audiences/:id/rows', (c) => {
      const audience = found(world.audiences.get(c.req.param('id')), 'audience');
      settleReplace(world, audience);
      return c.json({
        audienceId: audience.id,
        count: audience.members.size,
        retained: audience.members.retain,
        schemas: audience.members.listing(),
      });
    })
    .get('/audiences/:id/sessions', (c) => {
      const audience = found(world.audiences.get(c.req.param('id')), 'audience');
      settleReplace(world, audience);
      const sessions = [...world.sessionsOf(audience.accountId).values()].filter(
        (upload) => upload.audienceId === audience.id,
      );
      return c.json({ sessions: sessions.map(sessionSummary) });
    })
    .get('/requests', (c) => {
      const path = c.req.query('path');
      const method = c.req.query('method')?.toUpperCase();
      const pattern = path ? new RegExp(path) : undefined;
      const requests = world.requests.filter(
        (request) =>
          (!pattern || pattern.test(request.path)) && (!method || request.method === method),
      );
      return c.json({ requests });
    })
    .delete('/requests', (c) => {
      world.requests = [];
      return c.json({ ok: true });
    })
    .post('/faults', async (c) => {
      const { times, ...input } = await body(c, schemas.fault);
      try {
        new RegExp(input.path);
      } catch {
        throw new ControlError(400, `path: not a regular expression: ${input.path}`);
      }
      return c.json(world.addFault({ ...input, remaining: times }), 201);
    })
    .get('/faults', (c) => c.json({ faults: world.faults }))
    .delete('/faults', (c) => {
      world.faults = [];
      return c.json({ ok: true });
    })
    .put('/quota', async (c) => {
      const input = await body(c, schemas.quota);
      const limiter = world.limiter;
      if (input.callsPerHour !== undefined) {
        if (input.adAccountId) {
          if (input.callsPerHour === null) limiter.accountQuota.delete(input.adAccountId);
          else limiter.accountQuota.set(input.adAccountId, input.callsPerHour);
        } else {
          limiter.defaultQuota = input.callsPerHour ?? undefined;
        }
      }
      if (input.appCallsPerHour !== undefined) limiter.appCallsPerHour = input.appCallsPerHour;
      return c.json({
        defaultQuota: limiter.defaultQuota ?? null,
        accountQuota: Object.fromEntries(limiter.accountQuota),
        appCallsPerHour: limiter.appCallsPerHour,
      });
    })
    .get('/usage/:accountId', (c) => {
      const accountId = c.req.param('accountId');
      found(world.adAccounts.get(accountId), 'ad account');
      const quota = world.limiter.quotaFor(accountId, world.liveAudiencesOf(accountId).length);
      return c.json({ quota, ...world.limiter.usage(accountId, quota, world.now().getTime()) });
    })
    .post('/clock/advance', async (c) => {
      const { seconds } = await body(c, schemas.clock);
      world.clockOffsetMs += seconds * 1000;
      return c.json({ now: world.now().toISOString() });
    })
    .all('*', () => {
      throw new ControlError(404, 'No such control endpoint');
    })
    .onError((error, c) => {
      if (error instanceof ControlError) {
        return c.json({ error: { message: error.message } }, error.status);
      }
      throw error;
    });
}
