import { afterEach, expect } from 'vitest';
import { createGraphControlClient } from '../../../../sandbox/graph/control-client.ts';
import { DEMO_REDIRECT_URI } from '../../../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../../../sandbox/graph/start.ts';
import type { FacebookStatusResponse } from '../../../../shared/relay-api/facebook.ts';
import { manualClock, sleepOnClock } from '../../../support/manual-clock.ts';
import { startTestRelay, stopTestRelays, type TestRelayOptions } from './test-relay.ts';

/**
 * For a test file: starts the relay and the Graph emulator over real HTTP, the relay in
 * sandbox mode pointed at the emulator, both on one manual clock (so appsecret_time, token
 * expiry and state expiry agree), and stops both after each test.
 */
export function useRelayWithGraph() {
  const graphs: GraphServer[] = [];
  afterEach(async () => {
    await stopTestRelays();
    await Promise.all(graphs.splice(0).map((graph) => graph.close()));
  });
  return async ({
    env = {},
    timers,
    deliveryTimers,
  }: Omit<TestRelayOptions, 'clock' | 'sleep'> = {}) => {
    // The relay's waits (pacing, retries) move the clock the emulator shares: no real waiting.
    const { clock, sleep } = sleepOnClock(manualClock());
    const graph = await startGraphEmulator({ now: clock.now });
    graphs.push(graph);
    const relay = await startTestRelay({
      clock,
      sleep,
      ...(timers ? { timers } : {}),
      ...(deliveryTimers ? { deliveryTimers } : {}),
      env: { FACEBOOK_GRAPH_BASE_URL: graph.url, FACEBOOK_DIALOG_BASE_URL: graph.url, ...env },
    });
    const control = createGraphControlClient(graph.url);

    /**
     * What the browser does in the dialog: Continue or Cancel, posted back as the consent
     * form does (any dialog parameter overridable, e.g. a narrower scope). Returns the URL
     * the dialog redirects to, which `launchWebAuthFlow` would hand the extension.
     */
    const consent = async (
      dialogUrl: string,
      decision: 'continue' | 'cancel' = 'continue',
      override: Record<string, string> = {},
    ): Promise<string> => {
      const url = new URL(dialogUrl);
      const response = await fetch(`${url.origin}${url.pathname}`, {
        method: 'POST',
        body: new URLSearchParams({
          ...Object.fromEntries(url.searchParams),
          ...override,
          decision,
        }),
        redirect: 'manual',
      });
      if (response.status !== 302) throw new Error(`dialog refused: ${await response.text()}`);
      return response.headers.get('location') ?? '';
    };

    const startOAuth = (token: string, redirectUrl = DEMO_REDIRECT_URI) =>
      relay.call('/v1/facebook/oauth/start', { method: 'POST', token, body: { redirectUrl } });

    const completeOAuth = (token: string, body: object) =>
      relay.call('/v1/facebook/oauth/complete', { method: 'POST', token, body });

    /** The dialog URL of a fresh sign-in, failing the test if the relay refuses. */
    const dialogFor = async (token: string, redirectUrl?: string) => {
      const response = await startOAuth(token, redirectUrl);
      expect(response.status).toBe(200);
      return (await response.json()) as { dialogUrl: string; state: string; expiresAt: string };
    };

    /** The whole OAuth flow as the admin of `token`: start, Continue, complete. */
    const connectFacebook = async (token: string): Promise<FacebookStatusResponse> => {
      const { dialogUrl } = await dialogFor(token);
      const response = await completeOAuth(token, { url: await consent(dialogUrl) });
      expect(response.status, await response.clone().text()).toBe(200);
      return response.json();
    };

    const status = async (token: string, refresh = false): Promise<FacebookStatusResponse> => {
      const response = await relay.call(`/v1/facebook/status${refresh ? '?refresh=true' : ''}`, {
        token,
      });
      expect(response.status).toBe(200);
      return response.json();
    };

    return {
      ...relay,
      graph,
      world: graph.emulator.world,
      control,
      consent,
      startOAuth,
      completeOAuth,
      dialogFor,
      connectFacebook,
      status,
    };
  };
}
