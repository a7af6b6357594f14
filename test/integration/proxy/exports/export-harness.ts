import { expect, onTestFinished } from 'vitest';
import { DEMO_REST_API_KEY } from '../../../../sandbox/braze/demo.ts';
import type { BrazeEmulatorOptions } from '../../../../sandbox/braze/emulator.ts';
import { startBrazeEmulator } from '../../../../sandbox/braze/start.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../../../sandbox/graph/demo-world.ts';
import { ENDED_PHASES, type ExportEvent, exportEvent } from '../../../../shared/export-events.ts';
import type { ExportJobView } from '../../../../shared/relay-api/exports.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';

/** Real waiting, for the relay's own work to progress (polls, never timed assertions). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For an export test file: a relay and the Graph emulator, a workspace connected to Facebook
 * through OAuth (Dana's user token sees the demo ad accounts), and helpers to upload a file,
 * start an export, wait for its end and read its events.
 */
export function useExportRelay() {
  const startRelay = useRelayWithGraph();
  return async (options: Parameters<typeof startRelay>[0] = {}) => {
    const started = await startRelay(options);
    const users = await started.workspaceWithUsers('Acme');
    await started.connectFacebook(users.adminToken);
    const token = users.marketerToken;

    const upload = async (text: string, as = token): Promise<string> => {
      const response = await fetch(`${started.url}/v1/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'text/csv' },
        body: text,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { uploadId: string }).uploadId;
    };

    const startExport = (body: Record<string, unknown>, as = token) =>
      started.call('/v1/exports', {
        method: 'POST',
        token: as,
        body: { adAccountId: DEMO_AD_ACCOUNT_ID, ...body },
      });

    /** Uploads `text` and exports it; the job as created. */
    const exportFile = async (text: string, body: Record<string, unknown>) => {
      const uploadId = await upload(text);
      const response = await startExport({
        source: { kind: 'file', uploadId, name: 'Spring buyers' },
        ...body,
      });
      expect(response.status, await response.clone().text()).toBe(202);
      return (await response.json()) as ExportJobView;
    };

    const job = async (id: string, as = token): Promise<ExportJobView> => {
      const response = await started.call(`/v1/exports/${id}`, { token: as });
      expect(response.status).toBe(200);
      return response.json();
    };

    const ended = async (id: string): Promise<ExportJobView> => {
      for (let i = 0; i < 2000; i++) {
        const current = await job(id);
        if (ENDED_PHASES.includes(current.status)) return current;
        await pause(10);
      }
      throw new Error(`export ${id} never ended`);
    };

    /** The whole SSE stream from `lastEventId` to its end (the job must end). */
    const events = async (id: string, lastEventId?: number) => {
      const response = await started.call(`/v1/exports/${id}/events`, {
        token,
        headers: lastEventId ? { 'last-event-id': String(lastEventId) } : {},
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      return parseSse(await response.text());
    };

    return { ...started, ...users, token, upload, startExport, exportFile, job, ended, events };
  };
}

/** Starts the Braze emulator for this test and connects the workspace of `relay` to it. */
export async function connectBrazeEmulator(
  relay: Awaited<ReturnType<ReturnType<typeof useExportRelay>>>,
  options: BrazeEmulatorOptions,
) {
  const braze = await startBrazeEmulator(options);
  onTestFinished(() => braze.close());
  const saved = await relay.call('/v1/sources/braze', {
    method: 'PUT',
    token: relay.adminToken,
    body: { restEndpoint: braze.restUrl, apiKey: DEMO_REST_API_KEY },
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  return braze;
}

/** Parses an SSE body into `{id, event}` pairs, each `data` held to the shared schema. */
export function parseSse(text: string): { id: number; event: ExportEvent }[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim() ?? '';
      const event = exportEvent.parse(JSON.parse(field('data')));
      expect(field('event')).toBe(event.type);
      return { id: Number(field('id')), event };
    });
}

/** A CSV of users `0..count-1`: email, phone, country and the consent columns. */
export function usersCsv(
  count: number,
  extra: (index: number) => Record<string, string | undefined> = () => ({}),
): string {
  const rows = Array.from({ length: count }, (_, index) => ({
    email: `User${index}@Example.com `,
    phone: `+1 (415) 555-${String(1000 + index).slice(-4)}`,
    country: 'US',
    do_not_sell_or_share: '',
    ...extra(index),
  }));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    columns.join(','),
    ...rows.map((row) =>
      columns.map((column) => (row as Record<string, string>)[column] ?? '').join(','),
    ),
  ].join('\n');
}
