import { describe, expect, it } from 'vitest';
import type { GraphRequest } from '../../../../../proxy/facebook/graph/graph-client.ts';
import { graphItems, nextPageRequest } from '../../../../../proxy/facebook/graph/graph-pages.ts';

const BASE = 'https://graph.facebook.com';
const first: GraphRequest = {
  path: 'me/adaccounts',
  params: { fields: 'id,name', limit: 2 },
  token: 'EAAtoken',
};

/** Pages of `items`, `size` per page, linked the way Graph links them. */
function fakeEdge(items: string[], size: number) {
  const calls: GraphRequest[] = [];
  const request = async <T>(call: GraphRequest): Promise<T> => {
    calls.push(call);
    const start = Number(call.params?.after ?? 0);
    const end = Math.min(items.length, start + size);
    const next =
      end < items.length
        ? `${BASE}/v26.0/1000/adaccounts?access_token=EAAold&appsecret_proof=old&appsecret_time=1&fields=id%2Cname&limit=${size}&after=${end}`
        : undefined;
    return {
      data: items.slice(start, end),
      paging: { cursors: { before: String(start), after: String(end) }, ...(next ? { next } : {}) },
    } as T;
  };
  return { request, calls };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('graphItems', () => {
  it('follows paging.next to the last page', async () => {
    const letters = 'abcdefg'.split('');
    const edge = fakeEdge(letters, 3);
    expect(await collect(graphItems<string>(edge.request, first, BASE))).toEqual(letters);
    expect(edge.calls).toHaveLength(3);
  });

  it('signs each page anew: the link’s token and proof are not reused', async () => {
    const edge = fakeEdge(['a', 'b', 'c'], 2);
    await collect(graphItems(edge.request, first, BASE));
    expect(edge.calls[1]).toEqual({
      method: 'GET',
      path: '1000/adaccounts',
      params: { fields: 'id,name', limit: '2', after: '2' },
      token: 'EAAtoken',
    });
  });

  it('fetches no page beyond what is consumed', async () => {
    const edge = fakeEdge('abcdefg'.split(''), 2);
    for await (const item of graphItems<string>(edge.request, first, BASE)) {
      if (item === 'c') break;
    }
    expect(edge.calls).toHaveLength(2);
  });

  it('handles an empty edge (no paging at all)', async () => {
    const request = async <T>() => ({ data: [] }) as T;
    expect(await collect(graphItems(request, first, BASE))).toEqual([]);
  });

  it('stops a link loop instead of paging forever', async () => {
    const request = async <T>() =>
      ({ data: ['x'], paging: { next: `${BASE}/v26.0/me/adaccounts?after=same` } }) as T;
    await expect(collect(graphItems(request, first, BASE))).rejects.toThrow('same page link');
  });
});

describe('nextPageRequest', () => {
  it('is undefined on the last page', () => {
    expect(nextPageRequest(first, { data: [], paging: { cursors: {} } }, BASE)).toBeUndefined();
  });

  it('refuses to send the token to another host', () => {
    expect(() =>
      nextPageRequest(first, { paging: { next: 'https://evil.example/v26.0/me?after=1' } }, BASE),
    ).toThrow('another host');
  });

  it('keeps the ad account the request is paced on', () => {
    const next = nextPageRequest(
      { ...first, adAccountId: '42', path: 'act_42/customaudiences' },
      { paging: { next: `${BASE}/v26.0/act_42/customaudiences?after=QVFI` } },
      BASE,
    );
    expect(next).toMatchObject({ adAccountId: '42', params: { after: 'QVFI' } });
  });
});
