import { beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExportPanel } from '../../../../../extension/popup/exports/export-panel.tsx';
import { segmentSource } from '../../../../../extension/popup/exports/segment-source.ts';
import type { SelectedSegment } from '../../../../../extension/segment-selection/selected-segment-storage.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import type { CreateExportRequest } from '../../../../../shared/relay-api/exports.ts';
import { facebookStatus } from '../../facebook/facebook-fixtures.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { FIXTURE_SEGMENT } from '../../segment-page/segment-page-fixture.ts';
import {
  fakeBackgroundExports,
  fakeTrackedExports,
} from '../../support/fake-background-exports.ts';
import { button, click, mount, pageText, settle } from '../../support/render-page.ts';

const segment: SelectedSegment = {
  ...FIXTURE_SEGMENT,
  apiIdentifier: '00000000-0000-4000-8000-000000000001',
  selectedAt: '2026-11-22T10:00:00.000Z',
};

let exports: ReturnType<typeof fakeBackgroundExports>;
beforeEach(() => {
  exports = fakeBackgroundExports(facebookStatus());
});

async function open() {
  await mount(
    <ExportPanel
      source={segmentSource(segment)}
      relayUrl={RELAY_URL}
      exports={exports}
      tracked={fakeTrackedExports()}
      openOptions={() => {}}
      onOpenReport={() => {}}
    />,
  );
  await settle();
}

/** The checkbox inside the label that reads `text`. */
const checkbox = (text: string) => {
  const label = [...document.querySelectorAll('label')].find((node) => node.textContent === text);
  const input = label?.querySelector('input');
  expect(input, `a checkbox labelled "${text}"`).toBeInstanceOf(HTMLInputElement);
  return input as HTMLInputElement;
};

describe('the export form’s consent filters', () => {
  it('start from the workspace’s defaults and send them', async () => {
    exports.consentDefaults.mockResolvedValue({
      ok: true,
      value: {
        ok: true,
        value: {
          settings: {
            optOutAttribute: null,
            optInAttribute: 'opted_in_marketing',
            excludeEmailUnsubscribed: true,
            requireAdTrackingForDeviceIds: false,
          },
          updatedAt: '2026-11-22T09:00:00.000Z',
        },
      },
    });
    await open();
    expect(checkbox(en.consent.optOut('do_not_sell_or_share')).checked).toBe(false);
    expect(checkbox(en.consent.optIn('opted_in_marketing')).checked).toBe(true);
    expect(checkbox(en.consent.unsubscribed).checked).toBe(true);
    expect(checkbox(en.consent.adTracking).checked).toBe(false);
    await click(button(en.exports.submit));
    const request = exports.start.mock.calls[0]?.[0] as CreateExportRequest | undefined;
    expect(request?.consent).toEqual({
      optOutAttribute: null,
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
      requireAdTrackingForDeviceIds: false,
    });
  });

  it('offer no opt-in filter when the workspace names no opt-in attribute', async () => {
    await open();
    expect(checkbox(en.consent.optOut('do_not_sell_or_share')).checked).toBe(true);
    expect(pageText()).not.toContain('not opted in');
  });

  it('are not replaced by the built-in ones when the defaults cannot be read', async () => {
    exports.consentDefaults.mockResolvedValue({
      ok: true,
      value: {
        ok: false,
        failure: {
          kind: 'server',
          status: 500,
          code: 'internal',
          message: 'boom',
          requestId: 'req_1',
        },
      },
    });
    await open();
    expect(pageText()).toContain(describeError('internal').title);
    expect(document.querySelector('form')).toBeNull();
  });
});
