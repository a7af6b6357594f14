import { createClock } from './clock.ts';
import { noFaults } from './control/faults.ts';
import type { RecordedRequest } from './control/request-log.ts';
import { createDashboardApp } from './dashboard/app.ts';
import { DEMO_SEED } from './demo.ts';
import { createExportJobs } from './exports/jobs.ts';
import { type ApiKey, defaultApiKey } from './rest/api-keys.ts';
import { createRestApp } from './rest/app.ts';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from './rest/rate-limit.ts';
import { DEMO_SEGMENT_DEFINITIONS } from './segments/demo-segments.ts';
import type { SegmentDefinition } from './segments/segment.ts';
import { createWorkspace } from './segments/workspace.ts';
import { createUserDirectory } from './users/directory.ts';

export interface BrazeEmulatorOptions {
  /** Every id, key and user derives from it. Default: the demo seed. */
  seed?: string;
  /** Default: the demo segments. */
  segments?: readonly SegmentDefinition[];
  /** Default: one key with every permission (`DEMO_REST_API_KEY` under the demo seed). */
  apiKeys?: readonly ApiKey[];
  /** Base clock; the control API can move the emulator's time from there. */
  now?: () => Date;
  /** Used to POST export callbacks. */
  fetch?: typeof fetch;
  /** Default: Braze's 250,000/hour and 250/minute. */
  rateLimits?: Partial<RateLimits>;
  /** How long a segment export takes before its URL answers. Default 2 s. */
  exportDelayMs?: number;
  /** How long a ready export URL works. Default 4 h ("a few hours"). */
  exportTtlHours?: number;
  /** Users per NDJSON file in an export archive. Default 5,000. */
  usersPerFile?: number;
  /** Default 4 MB. */
  maxBodyBytes?: number;
  /** Concurrent segment exports per company. Default 100. */
  maxConcurrentExports?: number;
  /** Delay of the dashboard's API identifier request. Default 300 ms. */
  apiIdentifierDelayMs?: number;
}

type FetchHandler = { fetch: (request: Request) => Response | Promise<Response> };

/** A Braze stand-in: build it in-process, serve each origin with `listen()` (proxy/http/listen.ts). */
export function createBrazeEmulator(options: BrazeEmulatorOptions = {}) {
  const seed = options.seed ?? DEMO_SEED;
  const workspace = createWorkspace(seed, options.segments ?? DEMO_SEGMENT_DEFINITIONS);
  const apiKeys = options.apiKeys ?? [defaultApiKey(seed)];
  const clock = createClock(options.now);
  const now = () => clock.now();
  const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, now);
  const jobs = createExportJobs({
    seed,
    now,
    fetch: options.fetch ?? fetch,
    delayMs: options.exportDelayMs ?? 2000,
    ttlHours: options.exportTtlHours ?? 4,
    maxConcurrent: options.maxConcurrentExports ?? 100,
  });
  const faults = noFaults();
  const requests: RecordedRequest[] = [];
  const directory = createUserDirectory(seed, workspace.segments);
  const apiIdentifierDelayMs = options.apiIdentifierDelayMs ?? 300;

  const rest = createRestApp({
    seed,
    workspace,
    directory,
    apiKeys,
    limiter,
    jobs,
    faults,
    requests,
    clock,
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    usersPerFile: options.usersPerFile ?? 5000,
    exportTtlHours: options.exportTtlHours ?? 4,
  });
  const dashboard = createDashboardApp({
    workspace,
    apiIdentifierDelay: () => new Promise((resolve) => setTimeout(resolve, apiIdentifierDelayMs)),
  });
  return {
    /** The REST origin (API, export downloads, `/__sandbox` control API). */
    rest: { fetch: rest.fetch } as FetchHandler,
    /** The dashboard origin (segment pages for the extension). */
    dashboard: { fetch: dashboard.fetch } as FetchHandler,
    state: { seed, workspace, apiKeys, clock, jobs, faults, requests, directory },
  };
}

export type BrazeEmulator = ReturnType<typeof createBrazeEmulator>;
