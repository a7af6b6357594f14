import type { FacebookConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { EncryptedSecrets } from '../secrets/encrypted-secrets.ts';
import type { RelayStore } from '../store/store.ts';
import { type AdAccountChoice, createAdAccountChoice } from './connection/ad-accounts.ts';
import { type ConnectionHealth, createConnectionHealth } from './connection/health-check.ts';
import { createStoredTokens, type StoredTokens } from './connection/stored-tokens.ts';
import { createTokenConnector, type TokenConnector } from './connection/token-connector.ts';
import { createWorkspaceGraphs, type WorkspaceGraphs } from './connection/workspace-graph.ts';
import { createGraphClient } from './graph/graph-client.ts';
import type { GraphError } from './graph/graph-error.ts';
import { createFacebookOAuth, type FacebookOAuth } from './oauth/facebook-oauth.ts';
import { createOAuthStates } from './oauth/oauth-state.ts';
import { createPacer, type Pacer } from './pacing/pacer.ts';

/** Everything the relay does with Facebook, built once and shared by the routes. */
export interface FacebookServices {
  /** Paces every Graph call per ad account; uploads await `pacer.ready(adAccountId)` too. */
  pacer: Pacer;
  /** Graph as a workspace (its token in use, 190s noticed): what feature code calls. */
  graphs: WorkspaceGraphs;
  tokens: StoredTokens;
  connector: TokenConnector;
  adAccounts: AdAccountChoice;
  health: ConnectionHealth;
  oauth: FacebookOAuth;
}

export interface FacebookServicesOptions {
  facebook: FacebookConfig;
  store: Pick<RelayStore, 'facebookConnections' | 'oauthStates'>;
  secrets: EncryptedSecrets;
  /** Signs OAuth states; derived from the relay secret. */
  stateSigningKey: Uint8Array;
  logger: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** How the pacer waits (tests: on a manual clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Told of every failed Graph call (metrics). */
  onGraphError?: (error: GraphError) => void;
}

export function createFacebookServices({
  facebook,
  store,
  secrets,
  stateSigningKey,
  logger,
  now = () => new Date(),
  fetch: fetchImpl = fetch,
  sleep,
  onGraphError,
}: FacebookServicesOptions): FacebookServices {
  const pacer = createPacer({ now, ...(sleep ? { sleep } : {}) });
  const graph = createGraphClient({
    facebook,
    fetch: fetchImpl,
    now,
    pacer,
    ...(onGraphError ? { onError: onGraphError } : {}),
  });
  const repository = store.facebookConnections;
  const tokens = createStoredTokens({ repository, secrets, now });
  const graphs = createWorkspaceGraphs({
    graph,
    tokens,
    graphBaseUrl: facebook.graphBaseUrl,
    logger,
  });
  const connector = createTokenConnector({ graph, tokens, appId: facebook.appId });
  const states = createOAuthStates({
    signingKey: stateSigningKey,
    repository: store.oauthStates,
    now,
  });
  return {
    pacer,
    graphs,
    tokens,
    connector,
    adAccounts: createAdAccountChoice({ graphs, repository, now }),
    health: createConnectionHealth({ facebook, graph, graphs, tokens, repository, logger, now }),
    oauth: createFacebookOAuth({ facebook, states, graph, connector }),
  };
}
