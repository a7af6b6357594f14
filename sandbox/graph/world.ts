import { createHash } from 'node:crypto';
import { type DataSourceSubtype, parseSchema } from './audience-rows.ts';
import type { LookalikeSpec } from './lookalike-spec.ts';
import { AudienceMembers } from './members.ts';
import { createRandom, type Random } from './random.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * The emulator's whole state, in memory: apps, people, businesses, ad accounts, tokens,
 * audiences, upload sessions, the request log, injected faults and quotas. Built from a
 * `WorldSeed` and rebuilt from it by `reset()`; everything it invents comes from the seed.
 */

export type Task = 'MANAGE' | 'ADVERTISE' | 'ANALYZE' | 'DRAFT';
/** Tasks that allow creating and editing audiences (reference §2.3, strictest reading). */
export const WRITE_TASKS: readonly Task[] = ['MANAGE', 'ADVERTISE'];

export const PERMISSIONS = [
  'ads_management',
  'ads_read',
  'business_management',
  'email',
  'public_profile',
] as const;

export interface GraphApp {
  id: string;
  name: string;
  secret: string;
  /** Exact-match list, as with Strict Mode (reference §1.3). */
  redirectUris: string[];
  /** "Require App Secret": every token-bearing call must carry appsecret_proof. */
  requireProof: boolean;
}

export type PersonType = 'USER' | 'SYSTEM_USER';

export interface Person {
  id: string;
  name: string;
  type: PersonType;
  /** System users belong to one business. */
  businessId?: string;
}

export interface Business {
  id: string;
  name: string;
}

export interface AdAccount {
  /** Numeric id, without `act_`. */
  id: string;
  name: string;
  businessId?: string;
  accountStatus: number;
  currency: string;
  timezoneName: string;
  /** `tos_accepted.custom_audience_tos`. */
  tosAccepted: boolean;
  /** Person id → the tasks that person (or system user) has on the account. */
  tasks: Record<string, Task[]>;
}

/** Why a token stopped working; each maps to a 190 subcode. */
export type InvalidReason =
  | 'revoked'
  | 'expired'
  | 'password_changed'
  | 'checkpointed'
  | 'app_not_installed'
  | 'unconfirmed';

export interface AccessToken {
  token: string;
  appId: string;
  personId: string;
  scopes: string[];
  /** Unix seconds. */
  issuedAt: number;
  /** Unix seconds; 0 = never (non-expiring system-user tokens). */
  expiresAt: number;
  dataAccessExpiresAt: number;
  invalid?: { reason: InvalidReason; at: number };
}

export interface AuthCode {
  code: string;
  appId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  issuedAtMs: number;
  used: boolean;
}

export type AudienceSubtype = 'CUSTOM' | 'LOOKALIKE';

export interface Audience {
  id: string;
  accountId: string;
  name: string;
  description: string;
  subtype: AudienceSubtype;
  customerFileSource?: string;
  isValueBased: boolean;
  retentionDays: number;
  optOutLink?: string;
  audienceLabels?: string[];
  /** `operation_status.code`; 471 = flagged for integrity. */
  operationStatus: number;
  dataSource?: DataSourceSubtype;
  lookalikeSpec?: LookalikeSpec;
  originAudienceId?: string;
  /** Unix seconds. */
  timeCreated: number;
  timeUpdated: number;
  timeContentUpdated: number;
  deleted: boolean;
  members: AudienceMembers;
  /** The replace session in progress, if any. */
  replaceSessionId?: string;
}

export type UploadOperation = 'add' | 'remove' | 'replace';

export interface UploadResult {
  num_received: number;
  num_invalid_entries: number;
  invalid_entry_samples: Record<string, string>;
}

export interface UploadSession {
  id: string;
  accountId: string;
  audienceId: string;
  operation: UploadOperation;
  startedAtMs: number;
  lastBatchSeq: number;
  finished: boolean;
  finishedAtMs?: number;
  timedOut: boolean;
  numReceived: number;
  numInvalidEntries: number;
  estimatedNumTotal?: number;
  /** Schema id fixed by the first batch (replace sessions must keep it). */
  schemaId?: string;
  /** batch_seq → digest of what was sent and what was answered, for retries. */
  batches: Map<number, { digest: string; result: UploadResult }>;
  /** Replace sessions collect the new members here until they finish. */
  staged?: AudienceMembers;
}

export interface RequestRecord {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Query and body merged; payload.data cut to its first rows (see payloadRowCount). */
  params: Record<string, unknown>;
  payloadRowCount?: number;
  authorization?: string;
  accessToken?: string;
  appsecretProof?: string;
  appsecretTime?: string;
  status?: number;
  errorCode?: number;
  errorSubcode?: number;
  fault?: FaultKind;
}

export type FaultKind = 'http500' | 'transient' | 'latency' | 'drop' | 'drop-after' | 'throttle';

export interface Fault {
  id: number;
  kind: FaultKind;
  /** Regular expression tested against the path (e.g. `/users$`). */
  path: string;
  method?: string;
  /** How many matching calls still get the fault. */
  remaining: number;
  latencyMs?: number;
  /** For `throttle`: minutes reported in `estimated_time_to_regain_access`. */
  minutes?: number;
}

// --- the seed ----------------------------------------------------------------------------

export interface AudienceSeed {
  id: string;
  accountId: string;
  name: string;
  description?: string;
  subtype?: AudienceSubtype;
  customerFileSource?: string;
  isValueBased?: boolean;
  operationStatus?: number;
  /** Synthetic EMAIL_SHA256 members to start with. */
  members?: number;
  lookalikeSpec?: LookalikeSpec;
  originAudienceId?: string;
}

export interface TokenSeed {
  token: string;
  appId: string;
  personId: string;
  scopes: string[];
  /** Seconds from the world's start; 0 = never expires. */
  expiresIn: number;
}

export interface WorldSeed {
  apps: GraphApp[];
  users: Omit<Person, 'type'>[];
  businesses: Business[];
  adAccounts: AdAccount[];
  systemUsers: (Omit<Person, 'type'> & { businessId: string })[];
  tokens?: TokenSeed[];
  audiences?: AudienceSeed[];
  /** Who is logged in to the OAuth dialog; undefined = nobody. */
  dialogUserId?: string;
}

export interface WorldOptions {
  seed: WorldSeed;
  now: () => Date;
  randomSeed: number;
  /** false: audiences only count members (benchmarks of huge uploads). */
  retainRows: boolean;
  /** How many requests the log keeps (oldest dropped first). */
  requestLogSize: number;
}

export class World {
  readonly options: WorldOptions;
  random!: Random;
  clockOffsetMs = 0;
  apps = new Map<string, GraphApp>();
  people = new Map<string, Person>();
  businesses = new Map<string, Business>();
  adAccounts = new Map<string, AdAccount>();
  tokens = new Map<string, AccessToken>();
  codes = new Map<string, AuthCode>();
  audiences = new Map<string, Audience>();
  /** Account id → session id → session: session ids are unique per ad account. */
  sessions = new Map<string, Map<string, UploadSession>>();
  requests: RequestRecord[] = [];
  faults: Fault[] = [];
  dialogUserId: string | undefined;
  limiter!: RateLimiter;
  private faultIds = 0;

  constructor(options: WorldOptions) {
    this.options = options;
    this.reset();
  }

  now(): Date {
    return new Date(this.options.now().getTime() + this.clockOffsetMs);
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** Back to the seeded world: same ids, same tokens, same randomness. */
  reset(): void {
    const { seed, randomSeed } = this.options;
    this.random = createRandom(randomSeed);
    this.clockOffsetMs = 0;
    for (const map of [
      this.apps,
      this.people,
      this.businesses,
      this.adAccounts,
      this.tokens,
      this.codes,
      this.audiences,
      this.sessions,
    ]) {
      map.clear();
    }
    this.requests = [];
    this.faults = [];
    this.limiter = new RateLimiter();
    this.dialogUserId = seed.dialogUserId;
    for (const app of seed.apps) this.add(this.apps, structuredClone(app));
    for (const user of seed.users) this.add(this.people, { ...user, type: 'USER' });
    for (const business of seed.businesses) this.add(this.businesses, { ...business });
    for (const person of seed.systemUsers) {
      this.add(this.people, { ...person, type: 'SYSTEM_USER' });
    }
    for (const account of seed.adAccounts) this.add(this.adAccounts, structuredClone(account));
    for (const token of seed.tokens ?? []) this.issueToken(token);
    for (const audience of seed.audiences ?? []) this.seedAudience(audience);
  }

  // --- ids ---------------------------------------------------------------------------------

  newId(digits = 15): string {
    return this.random.digits(digits);
  }

  /** Custom audience ids look like Meta's: 17 digits starting 238. */
  newAudienceId(): string {
    return `238${this.random.chars(14, '0123456789')}`;
  }

  /** Opaque tokens that look like Meta's: `EAA` then letters and digits. */
  newToken(): string {
    return `EAA${this.random.chars(1, 'BGJ')}${this.random.chars(160)}`;
  }

  newTraceId(): string {
    return `A${this.random.chars(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}`;
  }

  // --- building the world -----------------------------------------------------------------

  /** Puts an app, person, business or ad account into its map (and hands it back). */
  add<T extends { id: string }>(map: Map<string, T>, item: T): T {
    map.set(item.id, item);
    return item;
  }

  issueToken(input: {
    /** A fixed token string (seeded tokens); a new random one by default. */
    token?: string;
    appId: string;
    personId: string;
    scopes: string[];
    /** Seconds; 0 = never expires. */
    expiresIn: number;
  }): AccessToken {
    const issuedAt = this.nowSeconds();
    const token: AccessToken = {
      token: input.token ?? this.newToken(),
      appId: input.appId,
      personId: input.personId,
      scopes: [...new Set(input.scopes)],
      issuedAt,
      expiresAt: input.expiresIn === 0 ? 0 : issuedAt + input.expiresIn,
      dataAccessExpiresAt: input.expiresIn === 0 ? 0 : issuedAt + 90 * 86_400,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  newAudience(
    input: Omit<
      Audience,
      'members' | 'deleted' | 'timeUpdated' | 'timeContentUpdated' | 'timeCreated'
    > & { timeCreated?: number },
  ): Audience {
    const created = input.timeCreated ?? this.nowSeconds();
    const audience: Audience = {
      ...input,
      timeCreated: created,
      timeUpdated: created,
      timeContentUpdated: 0,
      deleted: false,
      members: new AudienceMembers(this.options.retainRows),
    };
    this.audiences.set(audience.id, audience);
    return audience;
  }

  /** An audience as a seed describes it (also how the control API plants one). */
  seedAudience(seed: AudienceSeed): Audience {
    const audience = this.newAudience({
      id: seed.id,
      accountId: seed.accountId,
      name: seed.name,
      description: seed.description ?? '',
      subtype: seed.subtype ?? 'CUSTOM',
      customerFileSource:
        (seed.subtype ?? 'CUSTOM') === 'CUSTOM'
          ? (seed.customerFileSource ?? 'USER_PROVIDED_ONLY')
          : undefined,
      isValueBased: seed.isValueBased ?? false,
      retentionDays: 0,
      operationStatus: seed.operationStatus ?? 200,
      lookalikeSpec: seed.lookalikeSpec,
      originAudienceId: seed.originAudienceId,
    });
    if (seed.members) fillSyntheticMembers(audience, seed.members, this.nowSeconds());
    return audience;
  }

  // --- looking things up ---------------------------------------------------------------------

  /** Live (not deleted) audience. */
  audience(id: string): Audience | undefined {
    const audience = this.audiences.get(id);
    return audience && !audience.deleted ? audience : undefined;
  }

  tasksOf(account: AdAccount, personId: string): Task[] {
    return account.tasks[personId] ?? [];
  }

  /** Ad accounts the person has any task on, in a stable order. */
  accountsOf(personId: string): AdAccount[] {
    return [...this.adAccounts.values()].filter((account) => account.tasks[personId]?.length);
  }

  liveAudiencesOf(accountId: string): Audience[] {
    return [...this.audiences.values()].filter(
      (audience) => audience.accountId === accountId && !audience.deleted,
    );
  }

  sessionsOf(accountId: string): Map<string, UploadSession> {
    let sessions = this.sessions.get(accountId);
    if (!sessions) {
      sessions = new Map();
      this.sessions.set(accountId, sessions);
    }
    return sessions;
  }

  // --- request log and faults ----------------------------------------------------------------

  logRequest(record: RequestRecord): void {
    this.requests.push(record);
    const overflow = this.requests.length - this.options.requestLogSize;
    if (overflow > 0) this.requests.splice(0, overflow);
  }

  addFault(fault: Omit<Fault, 'id'>): Fault {
    const added = { ...fault, id: ++this.faultIds };
    this.faults.push(added);
    return added;
  }

  /** The first fault matching this call, used up by one. */
  takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        new RegExp(candidate.path).test(path),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }
}

/** Deterministic hashed emails, so seeded audiences have real-looking members. */
function fillSyntheticMembers(audience: Audience, count: number, now: number): void {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(createHash('sha256').update(`member${i}.${audience.id}@example.com`).digest('hex'));
  }
  const schema = parseSchema('EMAIL_SHA256', undefined);
  audience.members.add(schema, rows);
  audience.dataSource = schema.dataSource;
  audience.timeContentUpdated = now;
}
