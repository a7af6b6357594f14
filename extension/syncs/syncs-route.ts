/** Which part of the Syncs page is shown; the address says the same (`?sync=<id>`, `?new`). */
export type SyncsRoute = { kind: 'list' } | { kind: 'new' } | { kind: 'sync'; syncId: string };

/** The route an address's query names; the list when it names none. */
export function routeOf(search: string): SyncsRoute {
  const query = new URLSearchParams(search);
  const syncId = query.get('sync');
  if (syncId) return { kind: 'sync', syncId };
  return query.has('new') ? { kind: 'new' } : { kind: 'list' };
}

/** The query (with its `?`, or empty) that opens `route`. */
export function searchOf(route: SyncsRoute): string {
  if (route.kind === 'sync') return `?sync=${encodeURIComponent(route.syncId)}`;
  return route.kind === 'new' ? '?new' : '';
}
