import type { RowListing } from './members.ts';
import type {
  AccessToken,
  AdAccount,
  Business,
  Fault,
  FaultKind,
  GraphApp,
  InvalidReason,
  Person,
  RequestRecord,
  Task,
} from './world.ts';

/**
 * Typed client for the Graph emulator's control API (`/__sandbox/`), over real HTTP: what
 * tests, the relay's integration tests and e2e use to shape the world and read it back.
 */

export interface AudienceSummary {
  id: string;
  accountId: string;
  name: string;
  subtype: 'CUSTOM' | 'LOOKALIKE';
  isValueBased: boolean;
  operationStatus: number;
  deleted: boolean;
  size: number;
  dataSource: string | null;
  originAudienceId: string | null;
}

export interface SessionSummary {
  sessionId: string;
  audienceId: string;
  operation: 'add' | 'remove' | 'replace';
  startedAt: string;
  lastBatchSeq: number;
  batches: number[];
  finished: boolean;
  timedOut: boolean;
  numReceived: number;
  numInvalidEntries: number;
  estimatedNumTotal: number | null;
}

export interface AudienceRows {
  audienceId: string;
  count: number;
  retained: boolean;
  schemas: RowListing[];
}

export interface WorldState {
  now: string;
  dialogUserId: string | null;
  apps: GraphApp[];
  people: Person[];
  businesses: Business[];
  adAccounts: AdAccount[];
  audiences: AudienceSummary[];
}

export interface UsageReadback {
  quota: number;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  estimatedTimeToRegainAccess: number;
}

export interface FaultInput {
  kind: FaultKind;
  /** Regular expression over the path, e.g. `/users$`; every path by default. */
  path?: string;
  method?: string;
  /** How many matching calls get it (1 by default). */
  times?: number;
  latencyMs?: number;
  minutes?: number;
}

export class ControlApiError extends Error {
  override name = 'ControlApiError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface GraphControlClient {
  reset(): Promise<void>;
  state(): Promise<WorldState>;
  createApp(input: {
    id?: string;
    name: string;
    secret?: string;
    redirectUris?: string[];
    requireProof?: boolean;
  }): Promise<GraphApp>;
  createUser(input: { id?: string; name: string }): Promise<Person>;
  createSystemUser(input: { id?: string; name: string; businessId: string }): Promise<Person>;
  createBusiness(input: { id?: string; name: string }): Promise<Business>;
  createAdAccount(input: {
    id?: string;
    name: string;
    businessId?: string;
    accountStatus?: number;
    currency?: string;
    timezoneName?: string;
    tosAccepted?: boolean;
    tasks?: Record<string, Task[]>;
  }): Promise<AdAccount>;
  updateAdAccount(
    id: string,
    patch: {
      name?: string;
      accountStatus?: number;
      tosAccepted?: boolean;
      tasks?: Record<string, Task[]>;
    },
  ): Promise<AdAccount>;
  issueToken(input: {
    personId: string;
    appId?: string;
    lifetime?: 'short' | 'long' | 'never';
    expiresIn?: number;
    scopes?: string[];
  }): Promise<AccessToken>;
  invalidateToken(token: string, reason: InvalidReason): Promise<AccessToken>;
  setDialogUser(userId: string | null): Promise<void>;
  createAudience(input: {
    id?: string;
    accountId: string;
    name: string;
    description?: string;
    isValueBased?: boolean;
    operationStatus?: number;
    members?: number;
  }): Promise<AudienceSummary>;
  updateAudience(
    id: string,
    patch: { isValueBased?: boolean; operationStatus?: number },
  ): Promise<AudienceSummary>;
  deleteAudience(id: string): Promise<AudienceSummary>;
  audienceRows(id: string): Promise<AudienceRows>;
  audienceSessions(id: string): Promise<SessionSummary[]>;
  requests(filter?: { path?: string; method?: string }): Promise<RequestRecord[]>;
  clearRequests(): Promise<void>;
  addFault(input: FaultInput): Promise<Fault>;
  faults(): Promise<Fault[]>;
  clearFaults(): Promise<void>;
  setQuota(input: {
    adAccountId?: string;
    callsPerHour?: number | null;
    appCallsPerHour?: number;
  }): Promise<void>;
  usage(adAccountId: string): Promise<UsageReadback>;
  advanceClock(seconds: number): Promise<{ now: string }>;
}

export function createGraphControlClient(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): GraphControlClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetchImpl(new URL(`/__sandbox${path}`, baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: { message: string } };
    if (!response.ok) throw new ControlApiError(response.status, json.error?.message ?? '');
    return json;
  };
  const query = (filter: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    return params ? `?${params}` : '';
  };
  return {
    reset: async () => {
      await call('POST', '/reset');
    },
    state: () => call('GET', '/state'),
    createApp: (input) => call('POST', '/apps', input),
    createUser: (input) => call('POST', '/users', input),
    createSystemUser: (input) => call('POST', '/system-users', input),
    createBusiness: (input) => call('POST', '/businesses', input),
    createAdAccount: (input) => call('POST', '/ad-accounts', input),
    updateAdAccount: (id, patch) => call('PATCH', `/ad-accounts/${id}`, patch),
    issueToken: (input) => call('POST', '/tokens', input),
    invalidateToken: (token, reason) => call('POST', '/tokens/invalidate', { token, reason }),
    setDialogUser: async (userId) => {
      await call('PUT', '/dialog-user', { userId });
    },
    createAudience: (input) => call('POST', '/audiences', input),
    updateAudience: (id, patch) => call('PATCH', `/audiences/${id}`, patch),
    deleteAudience: (id) => call('DELETE', `/audiences/${id}`),
    audienceRows: (id) => call('GET', `/audiences/${id}/rows`),
    audienceSessions: async (id) =>
      (await call<{ sessions: SessionSummary[] }>('GET', `/audiences/${id}/sessions`)).sessions,
    requests: async (filter) =>
      (await call<{ requests: RequestRecord[] }>('GET', `/requests${query(filter)}`)).requests,
    clearRequests: async () => {
      await call('DELETE', '/requests');
    },
    addFault: (input) => call('POST', '/faults', input),
    faults: async () => (await call<{ faults: Fault[] }>('GET', '/faults')).faults,
    clearFaults: async () => {
      await call('DELETE', '/faults');
    },
    setQuota: async (input) => {
      await call('PUT', '/quota', input);
    },
    usage: (adAccountId) => call('GET', `/usage/${adAccountId}`),
    advanceClock: (seconds) => call('POST', '/clock/advance', { seconds }),
  };
}
