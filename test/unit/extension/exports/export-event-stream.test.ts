import { describe, expect, it, vi } from 'vitest';
import { readExportEvents } from '../../../../extension/exports/export-event-stream.ts';
import type { ExportEvent } from '../../../../shared/export-events.ts';

const AT = '2026-11-22T10:00:00.000Z';
const phase = (p: string) => ({ type: 'phase', phase: p, at: AT });
const end = { type: 'end', status: 'done', resumable: false, at: AT };
const sse = (id: number, event: object) =>
  `id: ${id}\nevent: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`;

/** A response whose body arrives in exactly these chunks. */
function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
  );
}

function read(chunks: string[], lastEventId: number | null = null) {
  const seen: [number, ExportEvent][] = [];
  const openStream = vi.fn(async () => ({ ok: true as const, value: streamOf(chunks) }));
  const outcome = readExportEvents({
    relay: { openStream },
    exportId: 'exp_1',
    lastEventId,
    signal: new AbortController().signal,
    onEvent: async (id, event) => {
      seen.push([id, event]);
    },
  });
  return { outcome, seen, openStream };
}

describe('readExportEvents', () => {
  it('parses events split across chunks anywhere, and ends at the end event', async () => {
    const whole = sse(1, phase('queued')) + sse(2, phase('filtering')) + sse(3, end);
    const chunks = [whole.slice(0, 7), whole.slice(7, 50), whole.slice(50, 51), whole.slice(51)];
    const { outcome, seen } = read([': heartbeat\n\n', ...chunks]);
    expect(await outcome).toEqual({ kind: 'ended' });
    expect(seen.map(([id, event]) => [id, event.type])).toEqual([
      [1, 'phase'],
      [2, 'phase'],
      [3, 'end'],
    ]);
  });

  it('reads on past the end of an earlier run of a resumed export', async () => {
    const failed = { type: 'end', status: 'failed', resumable: true, at: AT };
    const { outcome, seen } = read([
      sse(1, phase('uploading')),
      sse(2, failed),
      sse(3, phase('queued')),
      sse(4, end),
    ]);
    expect(await outcome).toEqual({ kind: 'ended' });
    expect(seen.map(([id]) => id)).toEqual([1, 2, 3, 4]);
  });

  it('counts an end the stream does not close after as no end yet', async () => {
    const { outcome } = read([sse(1, end), sse(2, phase('queued'))]);
    expect(await outcome).toEqual({ kind: 'dropped' });
  });

  it('sends Last-Event-ID to resume after the last event seen', async () => {
    const { outcome, openStream } = read([sse(5, end)], 4);
    await outcome;
    expect(openStream).toHaveBeenCalledWith(
      '/v1/exports/exp_1/events',
      { accept: 'text/event-stream', 'last-event-id': '4' },
      expect.any(AbortSignal),
    );
  });

  it('reports a stream closed before the end as dropped, keeping what arrived', async () => {
    const { outcome, seen } = read([sse(1, phase('uploading')), 'id: 2\ndata: {"type":"pro']);
    expect(await outcome).toEqual({ kind: 'dropped' });
    expect(seen).toHaveLength(1);
  });

  it('skips events that fail the shared schema or carry no id', async () => {
    const { outcome, seen } = read([
      sse(1, { type: 'phase', phase: 'nonsense', at: AT }),
      `data: ${JSON.stringify(phase('queued'))}\n\n`,
      'id: 2\ndata: not json\n\n',
      sse(3, end),
    ]);
    expect(await outcome).toEqual({ kind: 'ended' });
    expect(seen.map(([id]) => id)).toEqual([3]);
  });

  it('retries after an unreachable relay or a 5xx, gives up on a refusal', async () => {
    const refusal = {
      kind: 'rejected' as const,
      status: 404,
      code: 'export_not_found',
      message: 'no',
      requestId: 'r',
    };
    const base = {
      exportId: 'x',
      lastEventId: null,
      onEvent: async () => {},
      signal: new AbortController().signal,
    };
    const unreachable = { kind: 'unreachable' as const, reason: 'network' as const };
    expect(
      await readExportEvents({
        ...base,
        relay: { openStream: async () => ({ ok: false, failure: unreachable }) },
      }),
    ).toEqual({ kind: 'dropped' });
    expect(
      await readExportEvents({
        ...base,
        relay: { openStream: async () => ({ ok: false, failure: refusal }) },
      }),
    ).toEqual({ kind: 'refused', failure: refusal });
  });
});
