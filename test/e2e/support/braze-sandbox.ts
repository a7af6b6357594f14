import { type HttpServer, listen } from '../../../proxy/http/listen.ts';
import { type BrazeEmulatorOptions, createBrazeEmulator } from '../../../sandbox/braze/emulator.ts';
import type { Segment } from '../../../sandbox/braze/segments/segment.ts';

export interface BrazeSandbox extends HttpServer {
  /** The sandbox workspace's 24-hex id, as it appears in dashboard URLs. */
  workspaceId: string;
  /** The same workspace's REST API, for a relay to export segments from. */
  restUrl: string;
  /** The dashboard page of one of the sandbox's segments. */
  segmentPageUrl(segment: Segment): string;
}

/** The sandbox Braze dashboard and REST API, in-process on 127.0.0.1 with free ports. */
export async function startBrazeSandbox(options?: BrazeEmulatorOptions): Promise<BrazeSandbox> {
  const braze = createBrazeEmulator(options);
  const rest = await listen({ fetch: braze.rest.fetch });
  let server: HttpServer;
  try {
    server = await listen({ fetch: braze.dashboard.fetch });
  } catch (error) {
    await rest.close(0);
    throw error;
  }
  const workspaceId = braze.state.workspace.id;
  return {
    ...server,
    workspaceId,
    restUrl: rest.url,
    segmentPageUrl: (segment) =>
      `${server.url}/engagement/segmenter/edit/${segment.internalId}/${workspaceId}?locale=en`,
    async close(graceMs) {
      await Promise.all([server.close(graceMs), rest.close(graceMs)]);
    },
  };
}
