import { useEffect, useRef } from 'preact/hooks';
import type { z } from 'zod';
import { describeError, isErrorCode } from '../../../shared/error-catalog.ts';
import type { launchRefusal } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';

export type Refusal = z.infer<typeof launchRefusal>;

/** A refusal or warning in the catalog's words when it knows the code, else the relay's. */
export function refusalText(refusal: Refusal, adAccountId: string): string {
  if (!isErrorCode(refusal.code)) return refusal.message;
  return describeError(refusal.code, adAccountId ? { adAccountId } : {}).title;
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
          const known = isErrorCode(refusal.code);
          const entry = describeError(refusal.code, adAccountId ? { adAccountId } : {});
          return (
            <li key={`${refusal.code}:${refusal.field ?? ''}`}>
              <p class="launch-refusals__title">{known ? entry.title : refusal.message}</p>
              {known && <p>{entry.explanation}</p>}
              {known && entry.steps.length > 0 && (
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
