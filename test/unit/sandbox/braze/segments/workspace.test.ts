import { describe, expect, it } from 'vitest';
import {
  DEMO_SEED,
  DEMO_SEGMENT,
  DEMO_SEGMENTS,
  DEMO_WORKSPACE_ID,
} from '../../../../../sandbox/braze/demo.ts';
import { DEMO_SEGMENT_DEFINITIONS } from '../../../../../sandbox/braze/segments/demo-segments.ts';
import { createWorkspace } from '../../../../../sandbox/braze/segments/workspace.ts';

const HEX24 = /^[0-9a-f]{24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createWorkspace', () => {
  it('derives the same ids from the same seed, and other ids from another seed', () => {
    const again = createWorkspace(DEMO_SEED, DEMO_SEGMENT_DEFINITIONS);
    expect(again.id).toBe(DEMO_WORKSPACE_ID);
    expect(again.segments).toEqual(DEMO_SEGMENTS);
    const other = createWorkspace('another seed', DEMO_SEGMENT_DEFINITIONS);
    expect(other.id).not.toBe(DEMO_WORKSPACE_ID);
    expect(other.segments[0]?.apiId).not.toBe(DEMO_SEGMENTS[0]?.apiId);
  });

  it('gives dashboard-shaped internal ids and UUID API identifiers, all distinct', () => {
    expect(DEMO_WORKSPACE_ID).toMatch(HEX24);
    for (const segment of DEMO_SEGMENTS) {
      expect(segment.internalId).toMatch(HEX24);
      expect(segment.apiId).toMatch(UUID);
      expect(segment.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    }
    const ids = DEMO_SEGMENTS.flatMap((segment) => [segment.internalId, segment.apiId]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds segments by either id', () => {
    const workspace = createWorkspace(DEMO_SEED, DEMO_SEGMENT_DEFINITIONS);
    expect(workspace.byInternalId(DEMO_SEGMENT.vip.internalId)).toEqual(DEMO_SEGMENT.vip);
    expect(workspace.byApiId(DEMO_SEGMENT.vip.apiId)).toEqual(DEMO_SEGMENT.vip);
    expect(workspace.byApiId(DEMO_SEGMENT.vip.internalId)).toBeUndefined();
  });

  it('refuses duplicate keys and impossible sizes', () => {
    expect(() =>
      createWorkspace('s', [
        { key: 'a', name: 'A', size: 1 },
        { key: 'a', name: 'B', size: 2 },
      ]),
    ).toThrow(/unique/);
    expect(() => createWorkspace('s', [{ key: 'a', name: 'A', size: 1.5 }])).toThrow(RangeError);
  });
});

describe('demo segments', () => {
  it('span 10 to 3,000,000 users, share one name twice and include a hostile name', () => {
    const sizes = DEMO_SEGMENTS.map((segment) => segment.size);
    expect(Math.min(...sizes)).toBe(10);
    expect(Math.max(...sizes)).toBe(3_000_000);
    expect(sizes).toEqual(expect.arrayContaining([1_234, 50_000, 1_000_000]));
    expect(DEMO_SEGMENT['cart-web'].name).toBe(DEMO_SEGMENT['cart-app'].name);
    expect(DEMO_SEGMENT.hostile.name).toBe('<img src=x onerror="window.__xss=1">');
    expect(DEMO_SEGMENTS.filter((segment) => segment.archived)).toEqual([DEMO_SEGMENT.archived]);
  });
});
