import { type Context, Hono } from 'hono';
import {
  canWrite,
  chargeCustomAudienceCall,
  requireAdsManagement,
  requireAdsRead,
  requireTerms,
  visibleAccount,
} from '../access.ts';
import { authenticate } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import {
  audienceLimitReached,
  invalidParameter,
  noWritePermission,
  seedRestricted,
  seedTooSmall,
  unsupportedRequest,
} from '../errors.ts';
import { renderNode, requestedFields } from '../fields.ts';
import { parseLookalikeSpec } from '../lookalike-spec.ts';
import { listNodes } from '../paging.ts';
import {
  optionalBoolean,
  optionalInteger,
  optionalJson,
  optionalString,
  type Params,
  requiredObject,
  requiredString,
} from '../params.ts';
import { adAccountView } from '../views/ad-account.ts';
import { audienceView, sizeOf } from '../views/audience.ts';
import type { AdAccount, Audience, AudienceSubtype, World } from '../world.ts';

/** Per ad account (reference §3.1): customer-file audiences and lookalikes. */
export const MAX_CUSTOMER_FILE_AUDIENCES = 500;
export const MAX_LOOKALIKE_AUDIENCES = 500;
/** A lookalike's seed must hold at least this many people (reference §3.5). */
export const MIN_SEED_SIZE = 100;

export const CUSTOMER_FILE_SOURCES = [
  'USER_PROVIDED_ONLY',
  'PARTNER_PROVIDED_ONLY',
  'BOTH_USER_AND_PARTNER_PROVIDED',
];

const AUDIENCE_LABELS = new Set([
  'QUALIFIED_LEADS',
  'DISQUALIFIED_LEADS',
  'APP_USERS',
  'TRIAL_USERS',
  'ENGAGED_USERS',
  'HIGH_VALUE_CUSTOMERS',
  'LOW_VALUE_CUSTOMERS',
  'AT_RISK',
  'DISENGAGED',
  'CUSTOMERS',
  'CART_ABANDONERS',
  'CUSTOMER_LEADS',
  'OTHER_1',
  'OTHER_2',
  'OTHER_3',
  'PERSONAS',
  'RECENT_PURCHASERS',
  'RESTRICTED_USERS',
  'UNWANTED_CUSTOMERS',
]);

const accountIdOf = (c: Context<GraphEnv>) => (c.req.param('account') ?? '').slice('act_'.length);

/** `/{v}/act_<id>` and its `/customaudiences` edge. */
export function adAccountRoutes() {
  return new Hono<GraphEnv>()
    .get('/', (c) => {
      const world = c.var.world;
      const caller = authenticate(c);
      requireAdsRead(caller);
      const account = visibleAccount(world, caller, accountIdOf(c), 'GET');
      c.set('usageAccountId', account.id);
      return c.json(
        renderNode(adAccountView(world, caller), account, requestedFields(c.var.params)),
      );
    })
    .get('/customaudiences', (c) => {
      const world = c.var.world;
      const { caller, account } = chargedAccount(c, 'GET');
      requireAdsRead(caller);
      // Newest first, as Audience Manager lists them.
      const audiences = world.liveAudiencesOf(account.id).reverse();
      return c.json(listNodes(audienceView(world, caller), audiences, c.var.params, c.req.url));
    })
    .post('/customaudiences', (c) => {
      const world = c.var.world;
      const { caller, account } = chargedAccount(c, 'POST');
      requireAdsManagement(caller);
      if (!canWrite(world, account, caller)) throw noWritePermission();
      requireTerms(account);
      const audience = createAudience(world, account, c.var.params);
      return c.json({ id: audience.id });
    })
    .all('/', (c) => {
      throw unsupportedRequest(c.req.method, c.req.param('account') ?? '');
    });
}

/** The account of a /customaudiences call, visible to the caller and charged to its quota. */
function chargedAccount(c: Context<GraphEnv>, method: string) {
  const caller = authenticate(c);
  const account = visibleAccount(c.var.world, caller, accountIdOf(c), method);
  chargeCustomAudienceCall(c, account);
  return { caller, account };
}

function createAudience(world: World, account: AdAccount, params: Params): Audience {
  const name = requiredString(params, 'name');
  const subtype = requiredString(params, 'subtype');
  const description = optionalString(params, 'description') ?? '';
  if (subtype === 'LOOKALIKE') return createLookalike(world, account, params, name, description);
  if (subtype !== 'CUSTOM') {
    throw invalidParameter(
      `subtype ${subtype} is not supported here: use CUSTOM for customer files or LOOKALIKE`,
    );
  }
  // What Meta does when customer_file_source is omitted is UNCONFIRMED: we require it.
  const source = requiredString(params, 'customer_file_source');
  if (!CUSTOMER_FILE_SOURCES.includes(source)) {
    throw invalidParameter(
      `customer_file_source must be one of ${CUSTOMER_FILE_SOURCES.join(', ')}`,
    );
  }
  if (optionalBoolean(params, 'enable_fetch_or_create')) {
    const same = liveOfSubtype(world, account, 'CUSTOM').find((audience) => audience.name === name);
    if (same) return same;
  }
  assertRoom(world, account, 'CUSTOM');
  return world.newAudience({
    id: world.newAudienceId(),
    accountId: account.id,
    name,
    description,
    subtype: 'CUSTOM',
    customerFileSource: source,
    isValueBased: optionalBoolean(params, 'is_value_based') ?? false,
    retentionDays: retentionDays(params),
    optOutLink: optionalString(params, 'opt_out_link'),
    audienceLabels: audienceLabels(params),
    operationStatus: 200,
  });
}

const liveOfSubtype = (world: World, account: AdAccount, subtype: AudienceSubtype) =>
  world.liveAudiencesOf(account.id).filter((audience) => audience.subtype === subtype);

/** Limits per ad account: 500 customer-file audiences, 500 lookalikes (reference §3.1). */
function assertRoom(world: World, account: AdAccount, subtype: AudienceSubtype): void {
  const [limit, kind] =
    subtype === 'CUSTOM'
      ? [MAX_CUSTOMER_FILE_AUDIENCES, 'customer file']
      : [MAX_LOOKALIKE_AUDIENCES, 'lookalike'];
  if (liveOfSubtype(world, account, subtype).length >= limit) {
    throw audienceLimitReached(limit, kind);
  }
}

export function retentionDays(params: Params): number {
  const days = optionalInteger(params, 'retention_days') ?? 0;
  if (days < 0 || days > 180) throw invalidParameter('retention_days must be between 0 and 180');
  return days;
}

function audienceLabels(params: Params): string[] | undefined {
  const labels = optionalJson(params, 'audience_labels');
  if (labels === undefined) return undefined;
  if (!Array.isArray(labels) || !labels.every((label) => AUDIENCE_LABELS.has(label))) {
    throw invalidParameter('audience_labels must be a list of known audience labels');
  }
  return labels;
}

function createLookalike(
  world: World,
  account: AdAccount,
  params: Params,
  name: string,
  description: string,
): Audience {
  const originId = requiredString(params, 'origin_audience_id');
  const spec = parseLookalikeSpec(requiredObject(params, 'lookalike_spec'));
  const origin = world.audience(originId);
  if (!origin || origin.accountId !== account.id || origin.subtype !== 'CUSTOM') {
    throw invalidParameter(
      `origin_audience_id ${originId} is not a customer file custom audience of this ad account`,
    );
  }
  if (origin.operationStatus === 471) throw seedRestricted();
  if (sizeOf(origin) < MIN_SEED_SIZE) throw seedTooSmall(MIN_SEED_SIZE);
  assertRoom(world, account, 'LOOKALIKE');
  return world.newAudience({
    id: world.newAudienceId(),
    accountId: account.id,
    name,
    description,
    subtype: 'LOOKALIKE',
    isValueBased: false,
    retentionDays: 0,
    operationStatus: 200,
    lookalikeSpec: spec,
    originAudienceId: origin.id,
  });
}
