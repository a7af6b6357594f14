import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { describeExport, EXPORT_LABEL } from './export-action-label.ts';
import styles from './floating-export-button.css?inline';
import type { Segment } from './segment.ts';

/** The fallback action for segment pages without a "User Data" menu. */
export interface FloatingExportButton {
  /** Shows (or updates) the button for this segment. */
  show(segment: Segment, onActivate: () => void): void;
  hide(): void;
}

/** Tag of the element hosting the button's shadow root. */
export const FLOATING_BUTTON_HOST = 'audience-relay-export';

/**
 * A small button in the page's bottom-right corner, inside a shadow root so that neither
 * the page's styles nor ours leak across. It is removed when the content script is.
 */
export async function createFloatingExportButton(
  ctx: ContentScriptContext,
): Promise<FloatingExportButton> {
  const ui = await createShadowRootUi(ctx, {
    name: FLOATING_BUTTON_HOST,
    position: 'inline',
    anchor: 'body',
    // From the bundle, not a web-accessible stylesheet: nothing of the extension becomes
    // fetchable by pages, and the hosts registered at run time get the same styles.
    css: styles,
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });
  return {
    show(segment, onActivate) {
      if (!ui.mounted) ui.mount();
      render(
        <button
          type="button"
          class="floating-export"
          title={describeExport(segment)}
          onClick={onActivate}
        >
          {EXPORT_LABEL}
        </button>,
        ui.uiContainer,
      );
    },
    hide() {
      if (ui.mounted) ui.remove();
    },
  };
}
