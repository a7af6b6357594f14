import { en } from '../i18n/en.ts';
import type { SelectedSegment } from '../segment-selection/selected-segment-storage.ts';

const text = en.popup;

/** The segment chosen on the page, as text: its name comes from the page and is untrusted. */
export function SegmentSummary({ segment }: { segment: SelectedSegment }) {
  return (
    <section class="ar-card popup__segment" aria-labelledby="segment-heading">
      <h2 id="segment-heading" class="popup__section-heading">
        {text.segmentHeading}
      </h2>
      <p class="popup__segment-name">{segment.name}</p>
      <dl class="ar-facts">
        <dt>{text.segmentId}</dt>
        <dd class="ar-mono">{segment.segmentId}</dd>
        <dt>{text.workspaceId}</dt>
        <dd class="ar-mono">{segment.workspaceId}</dd>
        {segment.apiIdentifier && (
          <>
            <dt>{text.apiIdentifier}</dt>
            <dd class="ar-mono">{segment.apiIdentifier}</dd>
          </>
        )}
        <dt>{text.dashboard}</dt>
        <dd>{segment.host}</dd>
      </dl>
    </section>
  );
}
