import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExtraDashboardHostsSettings } from '../../../../../extension/options/dashboards/extra-dashboard-hosts-settings.tsx';
import type { HostPermissions } from '../../../../../extension/permissions/host-permissions.ts';
import type { BackgroundDashboards } from '../../../../../extension/ui/background-dashboards.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';

const text = en.options.dashboards;
const HOST = 'https://braze.example.com';

function fakeDashboards(saved: string[] = []) {
  let hosts = [...saved];
  const reply = (next: string[]) => {
    hosts = next;
    return { ok: true as const, value: hosts };
  };
  return {
    list: vi.fn<BackgroundDashboards['list']>(async () => reply(hosts)),
    add: vi.fn<BackgroundDashboards['add']>(async (host) => reply([...hosts, host])),
    remove: vi.fn<BackgroundDashboards['remove']>(async (host) =>
      reply(hosts.filter((h) => h !== host)),
    ),
  };
}

let dashboards: ReturnType<typeof fakeDashboards>;
let permissions: {
  request: ReturnType<typeof vi.fn<HostPermissions['request']>>;
  release: ReturnType<typeof vi.fn<HostPermissions['release']>>;
};

beforeEach(() => {
  dashboards = fakeDashboards();
  permissions = { request: vi.fn(async () => true), release: vi.fn(async () => true) };
});

async function open() {
  await mount(<ExtraDashboardHostsSettings dashboards={dashboards} permissions={permissions} />);
  await settle();
}

async function addHost(address: string) {
  await type(field(text.label), address);
  await click(button(text.add));
}

describe('extra dashboard hosts settings', () => {
  it('lists none at first', async () => {
    await open();
    expect(pageText()).toContain(text.none);
  });

  it('asks for the host’s permission before the background adds it', async () => {
    await open();
    permissions.request.mockImplementation(async () => {
      expect(dashboards.add).not.toHaveBeenCalled();
      return true;
    });
    await addHost('braze.example.com/engagement');
    expect(permissions.request).toHaveBeenCalledExactlyOnceWith(`${HOST}/*`);
    expect(dashboards.add).toHaveBeenCalledExactlyOnceWith(HOST);
    expect(pageText()).toContain(text.added(HOST));
    expect(button(text.remove(HOST))).toBeDefined();
    expect(field(text.label).value).toBe('');
  });

  it('adds nothing when the permission is declined, and says why', async () => {
    await open();
    permissions.request.mockResolvedValue(false);
    await addHost(HOST);
    expect(dashboards.add).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      text.permissionDenied.explanation(HOST),
    );
  });

  it('refuses an address that is not one, at its field, asking for nothing', async () => {
    await open();
    await addHost('ftp://x');
    expect(pageText()).toContain(text.errors.invalid);
    expect(field(text.label).getAttribute('aria-invalid')).toBe('true');
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('removes a host and gives its permission back', async () => {
    dashboards = fakeDashboards([HOST]);
    await open();
    await click(button(text.remove(HOST)));
    expect(dashboards.remove).toHaveBeenCalledExactlyOnceWith(HOST);
    expect(permissions.release).toHaveBeenCalledExactlyOnceWith(`${HOST}/*`);
    expect(pageText()).toContain(text.removed(HOST));
    expect(pageText()).toContain(text.none);
  });

  it('keeps the permission when the background could not remove the host', async () => {
    dashboards = fakeDashboards([HOST]);
    dashboards.remove.mockResolvedValue({ ok: false, error: 'gone' });
    await open();
    await click(button(text.remove(HOST)));
    expect(permissions.release).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')).not.toBeNull();
  });
});
