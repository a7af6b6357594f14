import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import type { Explanation } from './explanation.ts';

export interface ProblemNoticeProps {
  problem: Explanation;
  /** Moves focus here when shown, so keyboard and screen-reader users land on the problem. */
  focusOnMount?: boolean;
  /**
   * Announced the moment it appears (an alert), for problems an action just caused; false
   * for problems a page shows as it loads, which people read in its flow.
   */
  live?: boolean;
  /** The action that fixes it, when the page offers one (a button, a link). */
  children?: ComponentChildren;
}

/** What went wrong, why, and the steps to fix it, announced as an alert. */
export function ProblemNotice({
  problem,
  focusOnMount = false,
  live = true,
  children,
}: ProblemNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div
      ref={ref}
      class="ar-notice ar-notice--error"
      role={live ? 'alert' : undefined}
      tabIndex={-1}
    >
      <p class="ar-notice__title">{problem.title}</p>
      <p>{problem.explanation}</p>
      {problem.steps.length > 0 && (
        <ol>
          {problem.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {problem.reference && (
        <p class="ar-notice__reference">
          {en.problems.reference} <code>{problem.reference}</code>
        </p>
      )}
      {children}
    </div>
  );
}
