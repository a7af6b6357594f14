import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  uploadBatch,
  usersRequestParams,
} from '../../../../../proxy/exports/upload/upload-batch.ts';
import type { WorkspaceGraph } from '../../../../../proxy/facebook/connection/workspace-graph.ts';
import { GraphError } from '../../../../../proxy/facebook/graph/graph-error.ts';
import { encodeJson } from '../../../../../proxy/facebook/graph/raw-json.ts';
import { rawRows } from '../../../../support/batch-rows.ts';

const batch = {
  audience: 'EMAIL',
  seq: 2,
  size: 2,
  data: rawRows([['a'], ['b']]),
  rowsSoFar: 12,
  last: false,
};
const upload = {
  adAccountId: '123',
  facebookAudienceId: '987',
  sessionId: '4455',
  schema: 'EMAIL_SHA256',
  batch,
};

/** A graph answering each call with the next outcome (an error is thrown). */
function scriptedGraph(outcomes: (object | GraphError)[]) {
  const calls: unknown[] = [];
  const graph: WorkspaceGraph = {
    tokenKind: 'user',
    async request<T>(request: unknown) {
      calls.push(request);
      const next = outcomes.shift();
      if (next instanceof GraphError) throw next;
      return next as T;
    },
    items: () => {
      throw new Error('not used');
    },
  };
  return { graph, calls };
}

const transient = () => new GraphError({ message: 'down', httpStatus: 500 });
const throttled = () =>
  new GraphError({ message: 'too many', code: 80003, subcode: 2446079, httpStatus: 400 });
const terms = () =>
  new GraphError({ message: 'terms', code: 200, subcode: 1870034, httpStatus: 400 });

/** The request body the Graph client sends for these parameters. */
const sentBody = (params: object) => JSON.parse(encodeJson(params).toString('utf8'));

describe('usersRequestParams', () => {
  it('sends the session and payload; the total only with the last batch', () => {
    expect(sentBody(usersRequestParams(upload))).toEqual({
      session: { session_id: 4455, batch_seq: 2, last_batch_flag: false },
      payload: { schema: 'EMAIL_SHA256', data: [['a'], ['b']] },
    });
    expect(
      sentBody(
        usersRequestParams({ ...upload, schema: ['EMAIL', 'FN'], batch: { ...batch, last: true } }),
      ),
    ).toEqual({
      session: { session_id: 4455, batch_seq: 2, last_batch_flag: true, estimated_num_total: 12 },
      payload: { schema: ['EMAIL', 'FN'], is_raw: true, data: [['a'], ['b']] },
    });
  });
});

describe('uploadBatch', () => {
  it('retries transient failures with growing, jittered waits, then returns Meta’s counts', async () => {
    const { graph, calls } = scriptedGraph([
      transient(),
      transient(),
      { num_received: 12, num_invalid_entries: 1 },
    ]);
    const sleeps: number[] = [];
    const receipt = await uploadBatch(graph, upload, {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 1,
    });
    expect(receipt).toEqual({ numReceived: 12, numInvalid: 1 });
    expect(sleeps).toEqual([1000, 2000]);
    expect(new Set(calls.map((call) => JSON.stringify(call))).size).toBe(1);
  });

  it('leaves the throttle wait to the pacer, and reports each retry', async () => {
    const { graph } = scriptedGraph([throttled(), { num_received: 2 }]);
    const sleeps: number[] = [];
    const retries: string[] = [];
    await uploadBatch(graph, upload, {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onRetry: (error) => {
        retries.push(error.code);
      },
    });
    expect(sleeps).toEqual([]);
    expect(retries).toEqual(['facebook_throttled']);
  });

  it('stops at once on an error a person must fix', async () => {
    const { graph, calls } = scriptedGraph([terms(), { num_received: 2 }]);
    await expect(uploadBatch(graph, upload, { sleep: async () => {} })).rejects.toMatchObject({
      code: 'facebook_custom_audience_terms_not_accepted',
    });
    expect(calls).toHaveLength(1);
  });

  it('gives up after the allowed transient attempts', async () => {
    const { graph, calls } = scriptedGraph(Array.from({ length: 10 }, transient));
    await expect(
      uploadBatch(graph, upload, {
        sleep: async () => {},
        retry: { ...DEFAULT_RETRY_POLICY, transientAttempts: 3 },
      }),
    ).rejects.toMatchObject({ errorClass: 'transient' });
    expect(calls).toHaveLength(3);
  });

  it('waits at most the cap, at least half of each step', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffMs(1, policy, () => 0)).toBe(500);
    expect(backoffMs(10, policy, () => 0.999)).toBeLessThanOrEqual(8000);
  });
});
