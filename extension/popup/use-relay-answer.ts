import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MessageReply } from '../messaging/runtime-messages.ts';
import type { RelayResult } from '../relay/relay-failure.ts';
import { type Explained, explainRelayReply } from '../ui/explanation.ts';

export interface RelayAnswer<T> {
  /** The last answer; null until the first one. Kept while a newer question is asked. */
  answer: Explained<T> | null;
  /** Whether `answer` answers the current `ask`, rather than an earlier one. */
  settled: boolean;
  /** Asks again, keeping the last answer on show meanwhile. */
  reload: () => void;
}

/** Asks the relay (through the background) when shown and each time `ask` changes. */
export function useRelayAnswer<T>(
  ask: () => Promise<MessageReply<RelayResult<T>>>,
  relayUrl: string,
): RelayAnswer<T> {
  const [latest, setLatest] = useState<{ ask: typeof ask; answer: Explained<T> } | null>(null);
  const [round, setRound] = useState(0);
  // `round` is in the dependencies so that `reload` asks again.
  useEffect(() => {
    let shown = true;
    void ask().then((reply) => {
      if (shown) setLatest({ ask, answer: explainRelayReply(reply, relayUrl) });
    });
    return () => {
      shown = false;
    };
  }, [ask, relayUrl, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { answer: latest?.answer ?? null, settled: latest?.ask === ask, reload };
}
