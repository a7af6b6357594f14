import { type HttpServer, listen } from '../../../proxy/http/listen.ts';
import { type BrazeEmulatorOptions, createBrazeEmulator } from '../../../sandbox/braze/emulator.ts';
import type { Segment } from '../../../sandbox/braze/segments/segment.ts';

export interface BrazeSandbox extends HttpServer {
  /** The sandbox workspace's 24-hex id, as it appears in dashboard URLs. */
  workspaceId: string;
  /** The dashboard page of one of the sandbox's segments. */
  segmentPageUrl(segment: Segment): string;
}

/** The sandbox Braze dashboard, in-process on 127.0.0.1 with a free port. */
export async function startBrazeSandbox(options?: BrazeEmulatorOptions): Promise<BrazeSandbox> {
  const braze = createBrazeEmulator(options);
  const server = await listen({ fetch: braze.dashboard.fetch });
  const workspaceId = braze.state.workspace.id;
  return {
    ...server,
    workspaceId,
    segmentPageUrl: (segment) =>
      `${server.url}/engagement/segmenter/edit/${segment.internalId}/${workspaceId}?locale=en`,
  };
}
