import { Hono } from 'hono';
import { deriveHex } from '../ids.ts';
import type { Segment } from '../segments/segment.ts';
import type { Workspace } from '../segments/workspace.ts';

export interface InternalApiDeps {
  workspace: Workspace;
  /** Resolves when the API identifier may be answered, so pages finish late like the real SPA. */
  apiIdentifierDelay: () => Promise<void>;
}

/**
 * The dashboard's own JSON endpoints, shaped like Braze's undocumented internal XHR
 * (`GET /engagement/segments?app_group_id=…` → `{hits, results}`, ids are internal ids).
 */
export function internalApiRoutes({ workspace, apiIdentifierDelay }: InternalApiDeps) {
  const active = () => workspace.segments.filter((segment) => !segment.archived);
  const tags = (segment: Segment) =>
    segment.tags.map((name) => ({ id: deriveHex(workspace.seed, ['tag', name]), name }));
  const find = (segmentId: string, workspaceId: string | undefined) =>
    workspaceId === workspace.id ? workspace.byInternalId(segmentId) : undefined;
  const notFound = { error: 'Not Found' };

  return new Hono()
    .get('/engagement/segments', (c) => {
      if (c.req.query('app_group_id') !== workspace.id) return c.json(notFound, 404);
      const start = wholeNumber(c.req.query('start'), 0);
      const limit = Math.min(wholeNumber(c.req.query('limit'), 100), 1000);
      const segments = active();
      return c.json({
        hits: segments.length,
        results: segments.slice(start, start + limit).map((segment) => ({
          id: segment.internalId,
          app_group_id: workspace.id,
          name: segment.name,
          marked_as_deleted: false,
          starred_by_current_developer: false,
          enable_analytics_tracking: segment.analyticsTrackingEnabled,
          description: segment.description,
          tags: tags(segment),
          last_edited: segment.updatedAt,
          last_edited_by: {
            developer_id: deriveHex(workspace.seed, ['developer']),
            developer_name: 'Demo Marketer',
          },
        })),
      });
    })
    .get('/engagement/segments/:segmentId', (c) => {
      const segment = find(c.req.param('segmentId'), c.req.query('app_group_id'));
      if (!segment) return c.json(notFound, 404);
      const segments = active();
      const position = segments.indexOf(segment);
      const next = segments[(position + 1) % segments.length];
      return c.json({
        id: segment.internalId,
        app_group_id: workspace.id,
        name: segment.name,
        description: segment.description,
        text_description: segment.textDescription,
        estimated_size: segment.size,
        tags: tags(segment),
        archived: segment.archived,
        next_segment_id: next && next !== segment ? next.internalId : null,
      });
    })
    .get('/engagement/segments/:segmentId/api_identifier', async (c) => {
      const segment = find(c.req.param('segmentId'), c.req.query('app_group_id'));
      await apiIdentifierDelay();
      if (!segment) return c.json(notFound, 404);
      return c.json({ api_id: segment.apiId });
    });
}

function wholeNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}
