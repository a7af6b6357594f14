import {
  createGraphControlClient,
  type GraphControlClient,
} from '../../../sandbox/graph/control-client.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
} from '../../../sandbox/graph/demo-world.ts';
import { startGraphEmulator } from '../../../sandbox/graph/start.ts';
import { type BrazeSandbox, startBrazeSandbox } from './braze-sandbox.ts';
import type { closeAfterAll } from './close-after-all.ts';
import { type E2eRelay, startE2eRelay } from './relay.ts';
import { connectFacebookAndBraze, type RelayApi, relayApi } from './relay-api.ts';

export interface ExportWorld {
  control: GraphControlClient;
  sandbox: BrazeSandbox;
  relay: E2eRelay;
  /** The admin key of the workspace "Acme Marketing". */
  apiKey: string;
  /** That admin's session on the relay's API. */
  api: RelayApi;
}

/**
 * What an export needs, closed after the file: the Graph emulator, the Braze sandbox (exports
 * ready at once) and the relay, with a workspace connected to both and allowed the demo ad
 * account and the one whose Custom Audience terms are not accepted.
 */
export async function startExportWorld(
  resources: ReturnType<typeof closeAfterAll>,
): Promise<ExportWorld> {
  const graph = resources.add(await startGraphEmulator());
  const sandbox = resources.add(await startBrazeSandbox({ exportDelayMs: 0, usersPerFile: 500 }));
  const relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    }),
  );
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  const api = await relayApi(relay.url, adminKey.apiKey);
  await connectFacebookAndBraze(api, {
    brazeRestUrl: sandbox.restUrl,
    adAccountIds: [DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID],
  });
  return {
    control: createGraphControlClient(graph.url),
    sandbox,
    relay,
    apiKey: adminKey.apiKey,
    api,
  };
}
