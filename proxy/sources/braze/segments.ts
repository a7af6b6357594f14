import type { BrazeResolveRequest, BrazeSegment } from '../../../shared/relay-api/braze.ts';
import { ApiError } from '../../http/api-error.ts';
import { type BrazeClient, BrazeResponseError } from './braze-client.ts';

/** Braze's page size for `/segments/list` (§1.6). */
const PAGE_SIZE = 100;
/** 100,000 segments: a bound against a misbehaving server, far above any real workspace. */
const MAX_PAGES = 1000;

interface ListedSegment {
  id: string;
  name: string;
  tags?: string[];
}

/** Every active segment (archived ones are not listed by Braze), oldest first, all pages. */
export async function listBrazeSegments(
  client: BrazeClient,
  signal?: AbortSignal,
): Promise<BrazeSegment[]> {
  const segments: BrazeSegment[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await client.get<{ segments: ListedSegment[] }>(
      '/segments/list',
      { page: String(page), sort_direction: 'asc' },
      signal,
    );
    segments.push(...answer.segments.map(({ id, name, tags = [] }) => ({ id, name, tags })));
    if (answer.segments.length < PAGE_SIZE) break;
  }
  return segments;
}

/**
 * The segment a dashboard page shows. The page's internal id is not the API identifier
 * (§0.1), so: by the API identifier when the page showed it (checked with
 * `/segments/details`), else by exact name in the list. None: `braze_segment_not_found`;
 * several (names are not unique): `braze_segment_ambiguous` listing the candidates.
 */
export async function resolveBrazeSegment(
  client: BrazeClient,
  page: BrazeResolveRequest,
): Promise<BrazeSegment> {
  if (page.apiIdentifier !== undefined) {
    try {
      const details = await client.get<{ name: string; tags?: string[] }>('/segments/details', {
        segment_id: page.apiIdentifier,
      });
      return { id: page.apiIdentifier, name: details.name, tags: details.tags ?? [] };
    } catch (error) {
      if (error instanceof BrazeResponseError && error.status === 400) throw notFound(page);
      throw error;
    }
  }
  const named = (await listBrazeSegments(client)).filter((segment) => segment.name === page.name);
  const [only] = named;
  if (only === undefined) throw notFound(page);
  if (named.length > 1) {
    throw new ApiError(
      'braze_segment_ambiguous',
      `${named.length} active Braze segments are named "${page.name}": choose one.`,
      { candidates: named },
    );
  }
  return only;
}

function notFound(page: BrazeResolveRequest): ApiError {
  return new ApiError(
    'braze_segment_not_found',
    page.apiIdentifier === undefined
      ? `No active Braze segment is named "${page.name}": it may be archived or renamed.`
      : `Braze has no segment with the API identifier ${page.apiIdentifier}: it may be archived or in another workspace.`,
    { segmentId: page.segmentId, workspaceId: page.workspaceId },
  );
}
