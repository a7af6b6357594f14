import { invalidParameter } from './errors.ts';
import { type NodeView, renderNode, requestedFields } from './fields.ts';
import type { Params } from './params.ts';

export interface Page<T> {
  items: T[];
  paging?: {
    cursors: { before: string; after: string };
    next?: string;
    previous?: string;
  };
}

/** Graph's default page size. */
export const DEFAULT_LIMIT = 25;

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * Cursor paging as Graph does it: `before`/`after` cursors name the first and last item of
 * the page, `next`/`previous` are absolute URLs on the emulator's own origin carrying the
 * caller's query (access token included, as Meta's links do).
 */
export function paginate<T extends { id: string }>(
  all: T[],
  params: Params,
  requestUrl: string,
): Page<T> {
  const limit = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalidParameter('Param limit must be a positive integer');
  }
  const after = typeof params.after === 'string' ? params.after : undefined;
  const before = typeof params.before === 'string' ? params.before : undefined;
  let start = 0;
  let end = Math.min(all.length, limit);
  if (after) {
    start = indexOf(all, after) + 1;
    end = Math.min(all.length, start + limit);
  } else if (before) {
    end = indexOf(all, before);
    start = Math.max(0, end - limit);
  }
  const items = all.slice(start, end);
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) return { items };
  const link = (cursor: Record<string, string>) => {
    const url = new URL(requestUrl);
    url.searchParams.delete('after');
    url.searchParams.delete('before');
    url.searchParams.set('limit', String(limit));
    for (const [name, value] of Object.entries(cursor)) url.searchParams.set(name, value);
    return url.toString();
  };
  const cursors = { before: encodeCursor(first.id), after: encodeCursor(last.id) };
  return {
    items,
    paging: {
      cursors,
      ...(end < all.length ? { next: link({ after: cursors.after }) } : {}),
      ...(start > 0 ? { previous: link({ before: cursors.before }) } : {}),
    },
  };
}

function indexOf<T extends { id: string }>(all: T[], cursor: string): number {
  const id = decodeCursor(cursor);
  const index = all.findIndex((item) => item.id === id);
  if (index < 0) throw invalidParameter('The cursor is not valid for this edge');
  return index;
}

/** One page of an edge as Graph sends it: `{data: [...], paging: {...}}` (no paging when empty). */
export function listNodes<T extends { id: string }>(
  view: NodeView<T>,
  all: T[],
  params: Params,
  requestUrl: string,
) {
  const fields = requestedFields(params);
  const page = paginate(all, params, requestUrl);
  return {
    data: page.items.map((item) => renderNode(view, item, fields)),
    ...(page.paging ? { paging: page.paging } : {}),
  };
}
