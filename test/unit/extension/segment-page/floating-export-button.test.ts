import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createFloatingExportButton,
  FLOATING_BUTTON_HOST,
} from '../../../../extension/segment-page/floating-export-button.tsx';
import type { Segment } from '../../../../extension/segment-page/segment.ts';
import { FIXTURE_SEGMENT } from './segment-page-fixture.ts';

const segment: Segment = FIXTURE_SEGMENT;

let ctx: ContentScriptContext;
beforeEach(() => {
  document.body.replaceChildren();
  ctx = new ContentScriptContext('segment-page');
});
afterEach(() => ctx.abort());

function shownButton(): HTMLButtonElement | null {
  const hosts = document.querySelectorAll(FLOATING_BUTTON_HOST);
  expect(hosts.length).toBeLessThanOrEqual(1);
  return hosts[0]?.shadowRoot?.querySelector('button') ?? null;
}

describe('createFloatingExportButton', () => {
  it('adds nothing to the page until shown', async () => {
    await createFloatingExportButton(ctx);
    expect(document.querySelector(FLOATING_BUTTON_HOST)).toBeNull();
  });

  it('shows a labelled button inside a shadow root and reports clicks', async () => {
    const floating = await createFloatingExportButton(ctx);
    const onActivate = vi.fn();
    floating.show(segment, onActivate);
    const button = shownButton();
    expect(button?.textContent).toBe('Export as Facebook Audience');
    expect(button?.title).toContain('“Lapsed VIP Buyers”');
    expect(document.body.querySelector('button')).toBeNull();
    button?.click();
    expect(onActivate).toHaveBeenCalledOnce();
  });

  it('styles the button from inside its shadow root, leaving the page untouched', async () => {
    const floating = await createFloatingExportButton(ctx);
    floating.show(segment, () => {});
    const shadow = document.querySelector(FLOATING_BUTTON_HOST)?.shadowRoot;
    const shadowCss = [...(shadow?.querySelectorAll('style') ?? [])].map((s) => s.textContent);
    expect(shadowCss.join('\n')).toMatch(/\.floating-export\s*\{[^}]*position:\s*fixed/);
    expect(document.head.querySelectorAll('style, link')).toHaveLength(0);
  });

  it('updates in place for another segment', async () => {
    const floating = await createFloatingExportButton(ctx);
    floating.show(segment, () => {});
    const first = shownButton();
    const onActivate = vi.fn();
    floating.show({ ...segment, name: 'Churn risk' }, onActivate);
    expect(shownButton()).toBe(first);
    expect(first?.title).toContain('“Churn risk”');
    first?.click();
    expect(onActivate).toHaveBeenCalledOnce();
  });

  it('renders a hostile name as text', async () => {
    const floating = await createFloatingExportButton(ctx);
    const name = '<img src=x onerror="window.__xss=1">';
    floating.show({ ...segment, name }, () => {});
    expect(shownButton()?.title).toContain(name);
    expect(
      document.querySelector(FLOATING_BUTTON_HOST)?.shadowRoot?.querySelector('img'),
    ).toBeNull();
  });

  it('leaves the page when hidden, and can come back', async () => {
    const floating = await createFloatingExportButton(ctx);
    floating.hide();
    floating.show(segment, () => {});
    floating.hide();
    expect(document.querySelector(FLOATING_BUTTON_HOST)).toBeNull();
    floating.show(segment, () => {});
    expect(shownButton()).not.toBeNull();
  });

  it('leaves the page when the content script is invalidated', async () => {
    const floating = await createFloatingExportButton(ctx);
    floating.show(segment, () => {});
    ctx.notifyInvalidated();
    expect(document.querySelector(FLOATING_BUTTON_HOST)).toBeNull();
  });
});
