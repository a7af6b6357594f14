import { defaultApiKey } from './rest/api-keys.ts';
import { DEMO_SEGMENT_DEFINITIONS, type DemoSegmentKey } from './segments/demo-segments.ts';
import type { Segment } from './segments/segment.ts';
import { createWorkspace } from './segments/workspace.ts';

/** The seed every default id, user and key of the emulator derives from. */
export const DEMO_SEED = 'audience-relay-demo';

export const DEMO_WORKSPACE = createWorkspace(DEMO_SEED, DEMO_SEGMENT_DEFINITIONS);

/** The demo `app_group_id` (24 hex) that appears in dashboard URLs. */
export const DEMO_WORKSPACE_ID = DEMO_WORKSPACE.id;

/** Every demo segment in creation order, the archived one included. */
export const DEMO_SEGMENTS: readonly Segment[] = DEMO_WORKSPACE.segments;

/** Demo segments by key, e.g. `DEMO_SEGMENT.everyone.apiId`. */
export const DEMO_SEGMENT = Object.fromEntries(
  DEMO_SEGMENTS.map((segment) => [segment.key, segment]),
) as Record<DemoSegmentKey, Segment>;

/** A REST API key of the demo workspace holding every permission the project uses. */
export const DEMO_REST_API_KEY = defaultApiKey(DEMO_SEED).key;
