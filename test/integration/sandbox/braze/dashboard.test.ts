import { Browser, type BrowserPage } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpServer, listen } from '../../../../proxy/http/listen.ts';
import { createDashboardApp } from '../../../../sandbox/braze/dashboard/app.ts';
import {
  DEMO_SEGMENT,
  DEMO_SEGMENTS,
  DEMO_WORKSPACE,
  DEMO_WORKSPACE_ID,
} from '../../../../sandbox/braze/demo.ts';
import type { Segment } from '../../../../sandbox/braze/segments/segment.ts';
import { eventually } from './braze-server.ts';

/** Holds the API identifier requests until released, so "late" content is tested without timing. */
function createGate() {
  let open = false;
  const waiting: (() => void)[] = [];
  return {
    wait: () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    release() {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startDashboard(gate = createGate()) {
  const app = createDashboardApp({ workspace: DEMO_WORKSPACE, apiIdentifierDelay: gate.wait });
  const server: HttpServer = await listen({ fetch: app.fetch });
  cleanups.push(() => server.close(100));
  return { server, gate };
}

/** Opens a dashboard URL in happy-dom with scripts enabled, as a browser would. */
async function open(server: HttpServer, path: string): Promise<BrowserPage> {
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    },
  });
  cleanups.push(() => browser.close());
  const page = browser.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

const editPath = (segment: Segment, workspaceId = DEMO_WORKSPACE_ID) =>
  `/engagement/segmenter/edit/${segment.internalId}/${workspaceId}`;
const listPath = `/engagement/segmenter/segmenter/${DEMO_WORKSPACE_ID}`;
const activeSegments = DEMO_SEGMENTS.filter((segment) => !segment.archived);

describe('segments list page', () => {
  it('lists every active segment with a link to its page', async () => {
    const { server, gate } = await startDashboard();
    gate.release();
    const page = await open(server, listPath);
    await page.waitUntilComplete();
    const document = page.mainFrame.document;
    const links = [...document.querySelectorAll('tbody a')];
    expect(links.map((link) => link.textContent)).toEqual(activeSegments.map((s) => s.name));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      activeSegments.map((segment) => `${editPath(segment)}?locale=en`),
    );
    expect(document.body.textContent).not.toContain(DEMO_SEGMENT.archived.name);
    expect(document.querySelector('tbody img')).toBeNull();
  });

  it('opens a segment without reloading the document', async () => {
    const { server, gate } = await startDashboard();
    gate.release();
    const page = await open(server, listPath);
    await page.waitUntilComplete();
    const window = page.mainFrame.window as unknown as Window & { loadMarker?: number };
    window.loadMarker = 42;
    const link = [...window.document.querySelectorAll<HTMLAnchorElement>('tbody a')].find(
      (anchor) => anchor.textContent === DEMO_SEGMENT.newsletter.name,
    );
    link?.click();
    await page.waitUntilComplete();
    expect(window.location.pathname).toBe(editPath(DEMO_SEGMENT.newsletter));
    expect(window.location.search).toBe('?locale=en');
    expect(window.document.querySelector('h1')?.textContent).toBe(DEMO_SEGMENT.newsletter.name);
    expect(window.loadMarker).toBe(42);
  });
});

describe('segment page', () => {
  it('renders the name as text, never as HTML', async () => {
    const { server, gate } = await startDashboard();
    gate.release();
    const page = await open(server, `${editPath(DEMO_SEGMENT.hostile)}?locale=en`);
    await page.waitUntilComplete();
    const window = page.mainFrame.window as unknown as Window & { __xss?: number };
    const heading = window.document.querySelector('h1');
    expect(heading?.textContent).toBe('<img src=x onerror="window.__xss=1">');
    expect(heading?.children).toHaveLength(0);
    expect(window.document.querySelector('img')).toBeNull();
    expect(window.__xss).toBeUndefined();
    expect(window.document.title).toBe(`${DEMO_SEGMENT.hostile.name} - Segments - Braze`);
  });

  it('has the User Data dropdown, the details and, later, the API identifier footer', async () => {
    const { server, gate } = await startDashboard();
    const page = await open(server, editPath(DEMO_SEGMENT.lapsed));
    const document = page.mainFrame.document;
    await eventually(() => document.querySelector('h1'), 'the heading');

    const toggle = document.querySelector('button[aria-haspopup="menu"]');
    expect(toggle?.outerHTML).toBe(
      '<button type="button" aria-haspopup="menu" aria-expanded="false" aria-controls="user-data-menu">User Data</button>',
    );
    const menu = toggle?.nextElementSibling;
    expect(menu?.outerHTML).toBe(
      '<ul id="user-data-menu" role="menu" hidden="">' +
        '<li role="none"><button role="menuitem">CSV Export All User Data</button></li>' +
        '<li role="none"><button role="menuitem">CSV Export Email Addresses</button></li></ul>',
    );
    expect(document.querySelector('[data-estimated-size]')?.textContent).toBe('50,000 users');
    expect(document.querySelector('dl')?.textContent).toContain(DEMO_SEGMENT.lapsed.description);
    expect(document.querySelector('footer')).toBeNull();

    gate.release();
    const footer = await eventually(() => document.querySelector('footer'), 'the footer');
    expect(footer.textContent).toBe(`API Identifier ${DEMO_SEGMENT.lapsed.apiId}`);
    expect(footer.querySelector('code')?.textContent).toBe(DEMO_SEGMENT.lapsed.apiId);
    expect(document.querySelector('#app-root')?.lastElementChild).toBe(footer);
  });

  it('toggles the menu and closes it on Escape, an outside click or a choice', async () => {
    const { server, gate } = await startDashboard();
    gate.release();
    const page = await open(server, editPath(DEMO_SEGMENT.vip));
    await page.waitUntilComplete();
    const window = page.mainFrame.window as unknown as Window & typeof globalThis;
    const document = window.document;
    const toggle = document.querySelector<HTMLButtonElement>('[aria-controls="user-data-menu"]');
    const menu = document.getElementById('user-data-menu');
    const isOpen = () => {
      expect(toggle?.getAttribute('aria-expanded')).toBe(String(!menu?.hidden));
      return !menu?.hidden;
    };

    toggle?.click();
    expect(isOpen()).toBe(true);
    toggle?.click();
    expect(isOpen()).toBe(false);

    toggle?.click();
    document.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle);

    toggle?.click();
    document.querySelector<HTMLElement>('h1')?.click();
    expect(isOpen()).toBe(false);

    toggle?.click();
    menu?.querySelector<HTMLButtonElement>('button')?.click();
    expect(isOpen()).toBe(false);
    expect(document.querySelector('[role="status"]')?.textContent).toContain(
      'CSV Export All User Data',
    );
  });

  it('follows "Next segment" without a reload and never shows a stale API identifier', async () => {
    const { server, gate } = await startDashboard();
    const page = await open(server, editPath(DEMO_SEGMENT.vip));
    const window = page.mainFrame.window as unknown as Window & { loadMarker?: number };
    const document = window.document;
    await eventually(() => document.querySelector('h1'), 'the first heading');
    window.loadMarker = 7;

    // The first page's API identifier is still pending when the user moves on.
    document.querySelector<HTMLAnchorElement>('a[rel="next"]')?.click();
    const next = activeSegments[activeSegments.indexOf(DEMO_SEGMENT.vip) + 1] as Segment;
    await eventually(
      () => document.querySelector('h1')?.textContent === next.name || null,
      'the next heading',
    );
    gate.release();
    await page.waitUntilComplete();

    expect(window.location.pathname).toBe(editPath(next));
    expect(window.loadMarker).toBe(7);
    const footers = document.querySelectorAll('footer code');
    expect([...footers].map((code) => code.textContent)).toEqual([next.apiId]);

    window.history.back();
    await eventually(
      () => document.querySelector('h1')?.textContent === DEMO_SEGMENT.vip.name || null,
      'the previous heading after Back',
    );
    await page.waitUntilComplete();
    expect(document.querySelector('footer code')?.textContent).toBe(DEMO_SEGMENT.vip.apiId);
  });

  it.each([
    ['an unknown segment id', editPath({ ...DEMO_SEGMENT.vip, internalId: 'f'.repeat(24) })],
    ['another workspace', editPath(DEMO_SEGMENT.vip, 'a'.repeat(24))],
    ['a malformed id', '/engagement/segmenter/edit/not-an-id/also-not'],
  ])('shows "Segment not found" for %s', async (_case, path) => {
    const { server, gate } = await startDashboard();
    gate.release();
    const page = await open(server, path);
    await page.waitUntilComplete();
    const document = page.mainFrame.document;
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Segment not found');
    expect(document.querySelector('h1')).toBeNull();
    expect(document.getElementById('user-data-menu')).toBeNull();
    expect(document.querySelector('footer')).toBeNull();
  });
});

describe('dashboard over plain HTTP', () => {
  it('serves the same HTML shell for list and segment URLs, with a same-origin script policy', async () => {
    const { server } = await startDashboard();
    for (const path of [listPath, `${editPath(DEMO_SEGMENT.vip)}?locale=en`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<main id="app-root"></main>');
      expect(html).not.toContain(DEMO_SEGMENT.vip.name);
    }
    const script = await fetch(`${server.url}/assets/dashboard.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(() => new Function(source)).not.toThrow();
  });

  it('redirects the root to the demo workspace segments list', async () => {
    const { server } = await startDashboard();
    const response = await fetch(server.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(listPath);
  });

  it('answers the internal segments XHR like Braze: internal ids, archived left out', async () => {
    const { server } = await startDashboard();
    const response = await fetch(
      `${server.url}/engagement/segments?app_group_id=${DEMO_WORKSPACE_ID}&start=1&limit=2`,
    );
    const body = (await response.json()) as { hits: number; results: { id: string }[] };
    expect(body.hits).toBe(activeSegments.length);
    expect(body.results.map((result) => result.id)).toEqual(
      activeSegments.slice(1, 3).map((segment) => segment.internalId),
    );
    const other = await fetch(`${server.url}/engagement/segments?app_group_id=${'a'.repeat(24)}`);
    expect(other.status).toBe(404);
  });

  it('gives the API identifier only for a known segment of the workspace', async () => {
    const { server, gate } = await startDashboard();
    gate.release();
    const base = `${server.url}/engagement/segments/${DEMO_SEGMENT.everyone.internalId}`;
    const known = await fetch(`${base}/api_identifier?app_group_id=${DEMO_WORKSPACE_ID}`);
    expect(await known.json()).toEqual({ api_id: DEMO_SEGMENT.everyone.apiId });
    const wrong = await fetch(`${base}/api_identifier?app_group_id=${'b'.repeat(24)}`);
    expect(wrong.status).toBe(404);
  });
});
