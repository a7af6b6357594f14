import { type DashboardScope, isDashboardUrl } from './dashboard-hosts.ts';
import type { SegmentLocation } from './segment.ts';

// Undocumented Braze URL shape: /engagement/segmenter/edit/<segment id>/<workspace id>.
const SEGMENT_PATH = /^\/engagement\/segmenter\/edit\/([0-9a-f]{24})\/([0-9a-f]{24})\/?$/i;

/** The segment a dashboard URL points at, or null for any other page or host. */
export function parseSegmentUrl(
  url: string | URL,
  scope: DashboardScope = {},
): SegmentLocation | null {
  const parsed = URL.parse(url);
  if (!parsed || !isDashboardUrl(parsed, scope)) return null;
  const [, segmentId, workspaceId] = SEGMENT_PATH.exec(parsed.pathname) ?? [];
  if (!segmentId || !workspaceId) return null;
  return {
    host: parsed.host,
    segmentId: segmentId.toLowerCase(),
    workspaceId: workspaceId.toLowerCase(),
  };
}
