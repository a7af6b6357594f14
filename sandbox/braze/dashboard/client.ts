/**
 * The dashboard's browser script: a tiny single-page app rendering the segment pages from the
 * emulator's JSON endpoints and navigating with `history.pushState`, like the real dashboard.
 *
 * It runs in the page, not in Node: the server sends this function's source text, so it must
 * stay self-contained (no imports, no names from the enclosing module).
 */
export function runDashboard(): void {
  const root = document.getElementById('app-root');
  if (!root) return;
  const listPath = /^\/engagement\/segmenter\/segmenter\/([^/]+)\/?$/;
  const editPath = /^\/engagement\/segmenter\/edit\/([^/]+)\/([^/]+)\/?$/;
  const menuId = 'user-data-menu';
  let generation = 0;
  let inFlight: AbortController | undefined;

  interface ListedSegment {
    id: string;
    name: string;
    description: string;
    tags: { id: string; name: string }[];
    last_edited: string;
  }
  interface SegmentPage {
    id: string;
    app_group_id: string;
    name: string;
    description: string;
    text_description: string;
    estimated_size: number;
    tags: { id: string; name: string }[];
    archived: boolean;
    next_segment_id: string | null;
  }

  /** Builds an element; string children become text nodes, so data is never parsed as HTML. */
  function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  async function getJson<T>(url: string, signal: AbortSignal): Promise<T | undefined> {
    const response = await fetch(url, {
      signal,
      headers: { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  }

  const listUrl = (workspaceId: string) => `/engagement/segmenter/segmenter/${workspaceId}`;
  const editUrl = (segmentId: string, workspaceId: string) =>
    `/engagement/segmenter/edit/${segmentId}/${workspaceId}?locale=en`;
  const count = (value: number) => new Intl.NumberFormat('en-US').format(value);

  function show(...children: Node[]): void {
    root?.replaceChildren(...children);
  }

  function failed(error: unknown): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    show(h('p', { role: 'alert' }, 'Something went wrong loading this page.'));
  }

  async function renderList(workspaceId: string, signal: AbortSignal, current: () => boolean) {
    const query = new URLSearchParams({ app_group_id: workspaceId, start: '0', limit: '1000' });
    const page = await getJson<{ hits: number; results: ListedSegment[] }>(
      `/engagement/segments?${query}`,
      signal,
    );
    if (!current()) return;
    document.title = 'Segments - Braze';
    const rows = (page?.results ?? []).map((segment) =>
      h(
        'tr',
        {},
        h('td', {}, h('a', { href: editUrl(segment.id, workspaceId) }, segment.name)),
        h('td', {}, segment.description),
        h('td', {}, segment.tags.map((tag) => tag.name).join(', ')),
        h('td', {}, segment.last_edited),
      ),
    );
    show(
      h('h1', {}, 'Segments'),
      h(
        'table',
        { 'aria-label': 'Segments' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Name', 'Description', 'Tags', 'Last edited'].map((title) =>
              h('th', { scope: 'col' }, title),
            ),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
      h('p', {}, `${count(page?.hits ?? 0)} segments`),
    );
  }

  function userDataMenu(status: HTMLElement): HTMLElement {
    const toggle = h(
      'button',
      {
        type: 'button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        'aria-controls': menuId,
      },
      'User Data',
    );
    const items = ['CSV Export All User Data', 'CSV Export Email Addresses'].map((label) => {
      const item = h('button', { role: 'menuitem' }, label);
      item.addEventListener('click', () => {
        setMenuOpen(false);
        status.textContent = `${label}: the file will be emailed to you when it is ready.`;
      });
      return h('li', { role: 'none' }, item);
    });
    const menu = h('ul', { id: menuId, role: 'menu', hidden: '' }, ...items);
    toggle.addEventListener('click', () => setMenuOpen(menu.hidden));
    return h('div', { class: 'user-data' }, toggle, menu);
  }

  function setMenuOpen(open: boolean): void {
    const menu = document.getElementById(menuId);
    const toggle = document.querySelector(`[aria-controls="${menuId}"]`);
    if (!menu || !toggle) return;
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }

  function notFound(workspaceId: string): void {
    document.title = 'Segment not found - Braze';
    show(
      h(
        'div',
        { role: 'alert', 'data-state': 'not-found' },
        h('h2', {}, 'Segment not found'),
        h('p', {}, 'No segment with this id exists in this workspace.'),
        h('a', { href: listUrl(workspaceId) }, 'Back to segments'),
      ),
    );
  }

  async function renderSegment(
    segmentId: string,
    workspaceId: string,
    signal: AbortSignal,
    current: () => boolean,
  ) {
    const query = `app_group_id=${encodeURIComponent(workspaceId)}`;
    const base = `/engagement/segments/${encodeURIComponent(segmentId)}`;
    const segment = await getJson<SegmentPage>(`${base}?${query}`, signal);
    if (!current()) return;
    if (!segment) {
      notFound(workspaceId);
      return;
    }
    document.title = `${segment.name} - Segments - Braze`;
    const status = h('p', { role: 'status' });
    const details = h(
      'dl',
      {},
      h('dt', {}, 'Description'),
      h('dd', {}, segment.text_description || 'None'),
      h('dt', {}, 'Filters'),
      h('dd', {}, segment.description),
      h('dt', {}, 'Estimated size'),
      h(
        'dd',
        { 'data-estimated-size': String(segment.estimated_size) },
        `${count(segment.estimated_size)} users`,
      ),
      h('dt', {}, 'Tags'),
      h('dd', {}, segment.tags.map((tag) => tag.name).join(', ') || 'None'),
    );
    const links = h(
      'nav',
      { 'aria-label': 'Segment navigation' },
      h('a', { href: listUrl(workspaceId) }, 'All segments'),
    );
    if (segment.next_segment_id) {
      links.append(
        ' ',
        h(
          'a',
          { href: editUrl(segment.next_segment_id, workspaceId), rel: 'next' },
          'Next segment',
        ),
      );
    }
    show(
      h(
        'section',
        { 'aria-label': 'Segment Details' },
        h('h1', {}, segment.name),
        userDataMenu(status),
        ...(segment.archived ? [h('p', {}, 'This segment is archived.')] : []),
        details,
        status,
      ),
      links,
    );
    // Like the real dashboard, the API identifier arrives with a later request.
    const identifier = await getJson<{ api_id: string }>(`${base}/api_identifier?${query}`, signal);
    if (!current() || !identifier) return;
    root?.append(
      h('footer', {}, h('span', {}, 'API Identifier'), ' ', h('code', {}, identifier.api_id)),
    );
  }

  function render(): void {
    generation += 1;
    const mine = generation;
    const current = () => mine === generation;
    inFlight?.abort();
    inFlight = new AbortController();
    const { signal } = inFlight;
    show(h('p', { 'aria-busy': 'true' }, 'Loading…'));
    const edit = editPath.exec(location.pathname);
    const list = listPath.exec(location.pathname);
    if (edit?.[1] && edit[2]) {
      renderSegment(edit[1], edit[2], signal, current).catch(failed);
    } else if (list?.[1]) {
      renderList(list[1], signal, current).catch(failed);
    } else {
      show(h('p', { role: 'alert' }, 'Page not found'));
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const menu = document.getElementById(menuId);
    if (menu && !menu.hidden && !target?.closest('.user-data')) setMenuOpen(false);

    const link = target?.closest('a');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    if (!editPath.test(url.pathname) && !listPath.test(url.pathname)) return;
    event.preventDefault();
    history.pushState(null, '', url);
    render();
  });

  document.addEventListener('keydown', (event) => {
    const menu = document.getElementById(menuId);
    if (event.key !== 'Escape' || !menu || menu.hidden) return;
    setMenuOpen(false);
    document.querySelector<HTMLElement>(`[aria-controls="${menuId}"]`)?.focus();
  });

  window.addEventListener('popstate', render);
  render();
}
