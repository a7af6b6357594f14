import { useEffect, useRef } from 'preact/hooks';
import type { z } from 'zod';
import { describeError, type ErrorEntry, isErrorCode } from '../../../shared/error-catalog.ts';
import type { launchRefusal } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';

export type Refusal = z.infer<typeof launchRefusal>;

/** The catalog's entry for a refusal, or null when it does not know the code. */
function catalogEntry(refusal: Refusal, adAccountId: string): ErrorEntry | null {
  if (!isErrorCode(refusal.code)) return null;
  return describeError(refusal.code, adAccountId ? { adAccountId } : {});
}

/** A refusal or warning in the catalog's words when it knows the code, else the relay's. */
export function refusalText(refusal: Refusal, adAccountId: string): string {
  return catalogEntry(refusal, adAccountId)?.title ?? refusal.message;
}

/**
 * Why the sync cannot launch, like Braze's "Why is my Canvas not allowed to launch?": every
 * reason with its fix. Those about a field are also shown beside it.
 */
export function LaunchRefusals({
  refusals,
  adAccountId,
}: {
  refusals: readonly Refusal[];
  adAccountId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [refusals]);
  const text = en.syncs.editor;
  return (
    <div ref={ref} class="ar-notice ar-notice--error" role="alert" tabIndex={-1}>
      <p class="ar-notice__title">{text.refusedTitle}</p>
      <ul class="launch-refusals">
        {refusals.map((refusal) => {
          const entry = catalogEntry(refusal, adAccountId);
          return (
            <li key={`${refusal.code}:${refusal.field ?? ''}`}>
              <p class="launch-refusals__title">{entry?.title ?? refusal.message}</p>
              {entry && <p>{entry.explanation}</p>}
              {entry && entry.steps.length > 0 && (
                <ol>
                  {entry.steps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
