import { useEffect, useState } from 'preact/hooks';
import { en } from '../../i18n/en.ts';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import type { Explanation } from '../../ui/explanation.ts';
import { formatCount } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import type { SyncableAudiences } from '../sync-service.ts';
import { settleSyncReply } from './settle-sync-reply.ts';

const text = en.syncs.editor;

export interface AudiencePickerProps {
  adAccountId: string;
  syncs: Pick<BackgroundSyncs, 'syncableAudiences'>;
  relayUrl: string;
  value: string;
  onValue: (facebookAudienceId: string) => void;
  disabled: boolean;
  /** The launch refusal about the audience, read with the list. */
  errorId?: string;
}

type View =
  | { phase: 'loading' }
  | { phase: 'ready'; audiences: SyncableAudiences['audiences'] }
  | { phase: 'failed'; problem: Explanation };

/**
 * The ad account's customer-file audiences as radio buttons; those a sync cannot fill are
 * shown disabled with the reason (value-based, flagged by Meta, not editable).
 */
export function AudiencePicker({
  adAccountId,
  syncs,
  relayUrl,
  value,
  onValue,
  disabled,
  errorId,
}: AudiencePickerProps) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  useEffect(() => {
    let shown = true;
    setView({ phase: 'loading' });
    void syncs.syncableAudiences(adAccountId).then((reply) => {
      if (!shown) return;
      const settled = settleSyncReply(reply, relayUrl);
      setView(
        settled.ok
          ? { phase: 'ready', audiences: settled.value.audiences }
          : { phase: 'failed', problem: settled.problem },
      );
    });
    return () => {
      shown = false;
    };
  }, [syncs, adAccountId, relayUrl]);

  if (view.phase === 'loading') return <p role="status">{text.audiencesLoading}</p>;
  if (view.phase === 'failed') return <ProblemNotice problem={view.problem} live={false} />;
  if (view.audiences.length === 0) return <p class="ar-muted">{text.noAudiences}</p>;
  return (
    <ul class="audience-picker" aria-describedby={errorId}>
      {view.audiences.map((audience) => {
        const id = `audience-${audience.id}`;
        const reasonId = `${id}-reason`;
        return (
          <li key={audience.id} class="audience-picker__item">
            <input
              type="radio"
              name="existing-audience"
              id={id}
              value={audience.id}
              checked={value === audience.id}
              disabled={disabled || !audience.usable}
              aria-describedby={audience.reason ? reasonId : undefined}
              onChange={() => onValue(audience.id)}
            />
            <label for={id}>
              <span class="audience-picker__name">{audience.name}</span>{' '}
              <span class="ar-muted">
                {audience.approximateCount === null
                  ? text.sizeUnknown
                  : text.size(formatCount(audience.approximateCount))}
              </span>
            </label>
            {audience.reason && (
              <p id={reasonId} class="audience-picker__reason">
                {audience.reason.message}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
