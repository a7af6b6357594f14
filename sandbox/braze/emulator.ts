import { createDashboardApp } from './dashboard/app.ts';
import { DEMO_SEED } from './demo.ts';
import { DEMO_SEGMENT_DEFINITIONS } from './segments/demo-segments.ts';
import type { SegmentDefinition } from './segments/segment.ts';
import { createWorkspace, type Workspace } from './segments/workspace.ts';

export interface BrazeEmulatorOptions {
  /** Every id, key and user derives from it. Default: the demo seed. */
  seed?: string;
  /** Default: the demo segments. */
  segments?: readonly SegmentDefinition[];
  /** Delay of the dashboard's API identifier request. Default 300 ms. */
  apiIdentifierDelayMs?: number;
}

export interface BrazeEmulator {
  /** The dashboard origin (segment pages for the extension). */
  dashboard: { fetch: (request: Request) => Response | Promise<Response> };
  state: { workspace: Workspace };
}

/** A Braze stand-in: build it in-process, serve each origin with `listen()`. */
export function createBrazeEmulator(options: BrazeEmulatorOptions = {}): BrazeEmulator {
  const {
    seed = DEMO_SEED,
    segments = DEMO_SEGMENT_DEFINITIONS,
    apiIdentifierDelayMs = 300,
  } = options;
  const workspace = createWorkspace(seed, segments);
  const dashboard = createDashboardApp({
    workspace,
    apiIdentifierDelay: () => new Promise((resolve) => setTimeout(resolve, apiIdentifierDelayMs)),
  });
  return { dashboard: { fetch: dashboard.fetch }, state: { workspace } };
}
