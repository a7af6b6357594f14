import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FacebookResult } from '../../facebook/facebook-failure.ts';
import type { MessageReply } from '../../messaging/runtime-messages.ts';
import {
  type Explanation,
  explainFacebookFailure,
  explainMessageError,
} from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';

/** What the Facebook section says after an action: a problem, or news. */
export type FacebookNotice =
  | { tone: 'error'; problem: Explanation }
  | { tone: 'info' | 'success'; title: string; text?: string };

export type SettledReply<T> = { ok: true; value: T } | { ok: false; notice: FacebookNotice };

/**
 * Turns the background's reply into the value, or the notice to show instead: a cancelled
 * login is news (the person chose it), anything else a problem with its fix.
 */
export function settleFacebookReply<T>(
  reply: MessageReply<FacebookResult<T>>,
  relayUrl: string,
): SettledReply<T> {
  if (!reply.ok) {
    return { ok: false, notice: { tone: 'error', problem: explainMessageError(reply.error) } };
  }
  if (reply.value.ok) return reply.value;
  const problem = explainFacebookFailure(reply.value.failure, relayUrl);
  return reply.value.failure.kind === 'cancelled'
    ? { ok: false, notice: { tone: 'info', title: problem.title, text: problem.explanation } }
    : { ok: false, notice: { tone: 'error', problem } };
}

/** Shows a notice where focus lands, so it is read out and found. */
export function FacebookNoticeView({ notice }: { notice: FacebookNotice }) {
  if (notice.tone === 'error') return <ProblemNotice problem={notice.problem} focusOnMount />;
  return <News title={notice.title} text={notice.text} tone={notice.tone} />;
}

function News({ title, text, tone }: { title: string; text?: string; tone: 'info' | 'success' }) {
  const ref = useRef<HTMLDivElement>(null);
  // Before any later focus move (the ad account list), which should win.
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} class={`ar-notice ar-notice--${tone}`} role="status" tabIndex={-1}>
      <p class="ar-notice__title">{title}</p>
      {text && <p>{text}</p>}
    </div>
  );
}
