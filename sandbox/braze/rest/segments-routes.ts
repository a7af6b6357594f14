import { Hono } from 'hono';
import type { Workspace } from '../segments/workspace.ts';
import type { AuthEnv } from './auth.ts';
import { requirePermission } from './auth.ts';
import { brazeError } from './errors.ts';

const PAGE_SIZE = 100;

/** `GET /segments/list` and `GET /segments/details` (reference §1.6). */
export function segmentsRoutes({ workspace }: { workspace: Workspace }) {
  return new Hono<AuthEnv>()
    .get('/segments/list', requirePermission('segments.list'), (c) => {
      const { page = '0', sort_direction: direction = 'asc' } = c.req.query();
      const pageNumber = Number(page);
      if (!/^\d+$/.test(page) || !Number.isSafeInteger(pageNumber)) {
        return brazeError(c, 400, 'page must be a whole number starting at 0');
      }
      if (direction !== 'asc' && direction !== 'desc') {
        return brazeError(c, 400, 'sort_direction must be asc or desc');
      }
      const active = workspace.segments.filter((segment) => !segment.archived);
      const ordered = direction === 'asc' ? active : [...active].reverse();
      const segments = ordered.slice(pageNumber * PAGE_SIZE, (pageNumber + 1) * PAGE_SIZE);
      return c.json({
        segments: segments.map((segment) => ({
          id: segment.apiId,
          name: segment.name,
          analytics_tracking_enabled: segment.analyticsTrackingEnabled,
          tags: segment.tags,
        })),
        message: 'success',
      });
    })
    .get('/segments/details', requirePermission('segments.details'), (c) => {
      const segmentId = c.req.query('segment_id');
      if (!segmentId) return brazeError(c, 400, 'segment_id is required');
      const segment = workspace.byApiId(segmentId);
      if (!segment) return brazeError(c, 400, 'Invalid Segment ID');
      return c.json({
        created_at: segment.createdAt,
        updated_at: segment.updatedAt,
        name: segment.name,
        text_description: segment.textDescription,
        description: segment.description,
        tags: segment.tags,
        teams: segment.teams,
        message: 'success',
      });
    });
}
