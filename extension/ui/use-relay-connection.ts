import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RelayConnection } from '../relay/relay-status.ts';
import type { BackgroundRelay } from './background-relay.ts';
import { type Explanation, explainMessageError } from './explanation.ts';

/** The configured relay as a page knows it. */
export type RelayView =
  | { phase: 'loading' }
  /** `connection` is null when no relay is configured. */
  | { phase: 'ready'; connection: RelayConnection | null }
  /** The background did not answer, so nothing is known about the relay. */
  | { phase: 'unavailable'; problem: Explanation };

/**
 * Asks the background to check the relay once, when the page opens, and lets the page
 * replace the result after it connects or forgets.
 */
export function useRelayConnection(relay: BackgroundRelay) {
  const [view, setView] = useState<RelayView>({ phase: 'loading' });
  useEffect(() => {
    let stillShown = true;
    void relay.status().then((reply) => {
      if (!stillShown) return;
      setView(
        reply.ok
          ? { phase: 'ready', connection: reply.value }
          : { phase: 'unavailable', problem: explainMessageError(reply.error) },
      );
    });
    return () => {
      stillShown = false;
    };
  }, [relay]);
  const setConnection = useCallback(
    (connection: RelayConnection | null) => setView({ phase: 'ready', connection }),
    [],
  );
  return [view, setConnection] as const;
}
