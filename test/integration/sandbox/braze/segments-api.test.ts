import { describe, expect, it } from 'vitest';
import { DEMO_SEED, DEMO_SEGMENT, DEMO_SEGMENTS } from '../../../../sandbox/braze/demo.ts';
import type { SegmentDefinition } from '../../../../sandbox/braze/segments/segment.ts';
import { createWorkspace } from '../../../../sandbox/braze/segments/workspace.ts';
import { startBraze } from './braze-server.ts';

interface ListBody {
  message: string;
  segments: { id: string; name: string; analytics_tracking_enabled: boolean; tags: string[] }[];
}

/** 250 segments, every tenth archived: 225 listed, in three pages. */
const MANY: SegmentDefinition[] = Array.from({ length: 250 }, (_, n) => ({
  key: `s${n}`,
  name: `Segment ${n}`,
  size: n,
  archived: n % 10 === 9,
}));
const MANY_LISTED = createWorkspace(DEMO_SEED, MANY).segments.filter((s) => !s.archived);

describe('GET /segments/list', () => {
  it('lists the demo segments oldest first, without archived ones', async () => {
    const braze = await startBraze();
    const response = await braze.api('/segments/list');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ListBody;
    expect(body.message).toBe('success');
    const active = DEMO_SEGMENTS.filter((segment) => !segment.archived);
    expect(body.segments).toEqual(
      active.map((segment) => ({
        id: segment.apiId,
        name: segment.name,
        analytics_tracking_enabled: segment.analyticsTrackingEnabled,
        tags: segment.tags,
      })),
    );
    expect(body.segments.map((segment) => segment.id)).not.toContain(DEMO_SEGMENT.archived.apiId);
  });

  it('pages by 100 from page 0, in either direction', async () => {
    const braze = await startBraze({ segments: MANY });
    const page = async (query: string) =>
      ((await (await braze.api(`/segments/list?${query}`)).json()) as ListBody).segments.map(
        (segment) => segment.id,
      );
    const ids = MANY_LISTED.map((segment) => segment.apiId);
    expect(await page('page=0')).toEqual(ids.slice(0, 100));
    expect(await page('page=1&sort_direction=asc')).toEqual(ids.slice(100, 200));
    expect(await page('page=2')).toEqual(ids.slice(200));
    expect(await page('page=3')).toEqual([]);
    const reversed = [...ids].reverse();
    expect(await page('sort_direction=desc')).toEqual(reversed.slice(0, 100));
    expect(await page('page=2&sort_direction=desc')).toEqual(reversed.slice(200));
  });

  it.each([
    ['page=-1', 'page must be a whole number starting at 0'],
    ['page=1.5', 'page must be a whole number starting at 0'],
    ['page=one', 'page must be a whole number starting at 0'],
    ['sort_direction=newest', 'sort_direction must be asc or desc'],
  ])('refuses %s with 400', async (query, message) => {
    const braze = await startBraze();
    const response = await braze.api(`/segments/list?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message });
  });
});

describe('GET /segments/details', () => {
  it('describes a segment by its API identifier', async () => {
    const braze = await startBraze();
    const segment = DEMO_SEGMENT.lapsed;
    const response = await braze.api(`/segments/details?segment_id=${segment.apiId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      message: 'success',
      created_at: segment.createdAt,
      updated_at: segment.updatedAt,
      name: 'Lapsed Users - 7 days',
      description:
        'Last used app is more than 6 days ago and last used app is less than 2 weeks ago',
      text_description: '',
      tags: ['retention'],
      teams: [],
    });
  });

  it('never reveals the size, which Braze does not return', async () => {
    const braze = await startBraze();
    const body = await (
      await braze.api(`/segments/details?segment_id=${DEMO_SEGMENT.everyone.apiId}`)
    ).json();
    expect(JSON.stringify(body)).not.toContain('3000000');
  });

  it.each([
    ['', 'segment_id is required'],
    ['?segment_id=', 'segment_id is required'],
    ['?segment_id=00000000-0000-4000-8000-000000000000', 'Invalid Segment ID'],
    [`?segment_id=${DEMO_SEGMENT.vip.internalId}`, 'Invalid Segment ID'],
  ])('refuses %s with 400', async (query, message) => {
    const braze = await startBraze();
    const response = await braze.api(`/segments/details${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message });
  });
});
