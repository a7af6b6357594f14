import { useEffect, useRef } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import type { Explanation } from './explanation.ts';

export interface ProblemNoticeProps {
  problem: Explanation;
  /** Moves focus here when shown, so keyboard and screen-reader users land on the problem. */
  focusOnMount?: boolean;
}

/** What went wrong, why, and the steps to fix it, announced as an alert. */
export function ProblemNotice({ problem, focusOnMount = false }: ProblemNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div ref={ref} class="ar-notice ar-notice--error" role="alert" tabIndex={-1}>
      <p class="ar-notice__title">{problem.title}</p>
      <p>{problem.explanation}</p>
      <ol>
        {problem.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {problem.reference && (
        <p class="ar-notice__reference">
          {en.problems.reference} <code>{problem.reference}</code>
        </p>
      )}
    </div>
  );
}
