import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extraDashboardHostsItem } from '../../../../extension/segment-page/extra-dashboard-hosts-storage.ts';
import {
  EXTRA_DASHBOARDS_SCRIPT_ID,
  extraDashboards,
} from '../../../../extension/segment-page/extra-dashboard-scripts.ts';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  persistAcrossSessions?: boolean;
}

/** `browser.scripting`'s dynamic content scripts, in memory (fake-browser has none). */
function fakeScripting() {
  const scripts = new Map<string, Registered>();
  return {
    scripts,
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
      [...scripts.values()].filter((s) => !ids || ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (list: Registered[]) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    }),
    updateContentScripts: vi.fn(async (list: Registered[]) => {
      for (const script of list) {
        const current = scripts.get(script.id);
        if (!current) throw new Error(`No script with ID '${script.id}'`);
        scripts.set(script.id, { ...current, ...script });
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) => {
      for (const id of ids ?? [...scripts.keys()]) scripts.delete(id);
    }),
  };
}

let scripting: ReturnType<typeof fakeScripting>;
beforeEach(() => {
  fakeBrowser.reset();
  scripting = fakeScripting();
});

const service = () => extraDashboards(scripting as never);
const matches = () => scripting.scripts.get(EXTRA_DASHBOARDS_SCRIPT_ID)?.matches;

describe('extraDashboards', () => {
  it('registers the segment-page script for the first host, for this session only', async () => {
    expect(await service().add('https://braze.example.com')).toEqual(['https://braze.example.com']);
    expect(scripting.scripts.get(EXTRA_DASHBOARDS_SCRIPT_ID)).toEqual({
      id: EXTRA_DASHBOARDS_SCRIPT_ID,
      matches: ['https://braze.example.com/*'],
      js: ['content-scripts/segment-page.js'],
      persistAcrossSessions: false,
    });
    expect(await extraDashboardHostsItem.getValue()).toEqual(['https://braze.example.com']);
  });

  it('updates the one registration as hosts come and go, and drops it with the last', async () => {
    const dashboards = service();
    await dashboards.add('https://a.example.com');
    await dashboards.add('https://b.example.com');
    await dashboards.add('https://a.example.com');
    expect(matches()).toEqual(['https://a.example.com/*', 'https://b.example.com/*']);
    expect(await dashboards.remove('https://a.example.com')).toEqual(['https://b.example.com']);
    expect(matches()).toEqual(['https://b.example.com/*']);
    expect(await dashboards.remove('https://b.example.com')).toEqual([]);
    expect(scripting.scripts.size).toBe(0);
    expect(await dashboards.list()).toEqual([]);
  });

  it('registers the saved hosts again when the background starts', async () => {
    await extraDashboardHostsItem.setValue(['https://braze.example.com']);
    await service().sync();
    expect(matches()).toEqual(['https://braze.example.com/*']);
    // Twice (a worker restarting within the session) updates instead of failing.
    await service().sync();
    expect(scripting.registerContentScripts).toHaveBeenCalledOnce();
    expect(scripting.updateContentScripts).toHaveBeenCalledOnce();
  });

  it('registers nothing when no host is saved, and reads a stored value of another shape as none', async () => {
    await service().sync();
    await fakeBrowser.storage.local.set({ extraDashboardHosts: 'https://x.example.com' });
    await service().sync();
    expect(await service().list()).toEqual([]);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
  });
});
