import type { BrazeEmulatorOptions } from '../../../sandbox/braze/emulator.ts';
import { type GraphServer, startGraphEmulator } from '../../../sandbox/graph/start.ts';
import { type BrazeSandbox, startBrazeSandbox } from './braze-sandbox.ts';
import type { closeAfterAll } from './close-after-all.ts';
import { type E2eRelay, startE2eRelay } from './relay.ts';
import { connectFacebookAndBraze, type RelayApi, relayApi } from './relay-api.ts';

export interface ConnectedRelay {
  graph: GraphServer;
  sandbox: BrazeSandbox;
  relay: E2eRelay;
  /** The workspace admin's key, and a session of it. */
  adminKey: string;
  api: RelayApi;
}

/**
 * The Graph emulator, the Braze sandbox and a relay pointed at them, with an "Acme Marketing"
 * workspace already connected to Facebook (these ad accounts) and to Braze: where an export
 * test starts. Each server closes after the file.
 */
export async function startConnectedRelay(
  resources: ReturnType<typeof closeAfterAll>,
  { braze, adAccountIds }: { braze: BrazeEmulatorOptions; adAccountIds: string[] },
): Promise<ConnectedRelay> {
  const graph = resources.add(await startGraphEmulator());
  const sandbox = resources.add(await startBrazeSandbox(braze));
  const relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    }),
  );
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  const api = await relayApi(relay.url, adminKey.apiKey);
  await connectFacebookAndBraze(api, { brazeRestUrl: sandbox.restUrl, adAccountIds });
  return { graph, sandbox, relay, adminKey: adminKey.apiKey, api };
}
