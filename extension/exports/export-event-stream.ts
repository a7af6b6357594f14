import { EventSourceParserStream } from 'eventsource-parser/stream';
import { type ExportEvent, exportEvent } from '../../shared/export-events.ts';
import { parseJson } from '../relay/parse-json.ts';
import type { RelayClient } from '../relay/relay-client.ts';
import type { RelayFailure } from '../relay/relay-failure.ts';

/** How one connection to a job's event stream ended. */
export type StreamOutcome =
  /** The relay closed the stream after the job's `end` event: nothing more will come. */
  | { kind: 'ended' }
  /** The connection closed or broke before the end: reconnect with the last id. */
  | { kind: 'dropped' }
  /** The relay refused the stream (job gone, key revoked): reconnecting will not help. */
  | { kind: 'refused'; failure: RelayFailure };

export interface ReadExportEventsOptions {
  relay: Pick<RelayClient, 'openStream'>;
  exportId: string;
  /** The last event id seen: the relay sends only the events after it. */
  lastEventId: number | null;
  /** Called for each valid event in order; awaited, so the state is saved before the next. */
  onEvent: (id: number, event: ExportEvent) => Promise<void>;
  signal: AbortSignal;
}

/**
 * Reads `GET /v1/exports/{id}/events` once, with `fetch` and a streaming SSE parser (an
 * `EventSource` cannot send the Authorization header). Events that fail the shared schema or
 * carry no numeric id are skipped: a newer relay may send kinds this version does not know.
 */
export async function readExportEvents({
  relay,
  exportId,
  lastEventId,
  onEvent,
  signal,
}: ReadExportEventsOptions): Promise<StreamOutcome> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (lastEventId !== null) headers['last-event-id'] = String(lastEventId);
  const opened = await relay.openStream(
    `/v1/exports/${encodeURIComponent(exportId)}/events`,
    headers,
    signal,
  );
  if (!opened.ok) {
    return opened.failure.kind === 'unreachable' || opened.failure.kind === 'server'
      ? { kind: 'dropped' }
      : { kind: 'refused', failure: opened.failure };
  }
  const body = opened.value.body;
  if (!body) return { kind: 'dropped' };
  const messages = body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  // A resumed job's history holds the end of each earlier run: only an end the relay closes
  // the stream after is the job's last.
  let lastWasEnd = false;
  try {
    for (;;) {
      const { done, value: message } = await messages.read();
      if (done) return lastWasEnd ? { kind: 'ended' } : { kind: 'dropped' };
      const id = Number(message.id);
      if (!Number.isInteger(id)) continue;
      const parsed = exportEvent.safeParse(parseJson(message.data));
      if (!parsed.success) continue;
      await onEvent(id, parsed.data);
      lastWasEnd = parsed.data.type === 'end';
    }
  } catch {
    // A broken connection or an abort: the caller decides whether to reconnect.
  } finally {
    void messages.cancel().catch(() => {});
  }
  return { kind: 'dropped' };
}
