import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import { ConfirmPanel } from '../../ui/confirm-panel.tsx';
import { type Clipboard, CopyField } from '../../ui/copy-field.tsx';
import type { Explanation } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import type { SyncSecret } from '../sync-service.ts';
import { BRAZE_WEBHOOK_BODY, brazeWebhookHeaders, curlExample } from './ingest-examples.ts';
import { settleSyncReply } from './settle-sync-reply.ts';

const text = en.syncs.ingest;

export interface IngestPanelProps {
  sync: Pick<SyncView, 'id' | 'ingestUrl'>;
  syncs: Pick<BackgroundSyncs, 'secret' | 'rotateSecret'>;
  relayUrl: string;
  clipboard: Clipboard;
  /** The secret is for admins only: marketers are told whom to ask. */
  isAdmin: boolean;
}

type SecretView =
  | { phase: 'loading' }
  | { phase: 'ready'; secret: SyncSecret }
  | { phase: 'failed'; problem: Explanation };

/** Where users are POSTed: the URL, its secret (copy, show, rotate), and examples to paste. */
export function IngestPanel({ sync, syncs, relayUrl, clipboard, isAdmin }: IngestPanelProps) {
  const [view, setView] = useState<SecretView>({ phase: 'loading' });
  const [confirming, setConfirming] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [news, setNews] = useState<string | null>(null);

  useEffect(() => {
    if (!isAdmin) return;
    let shown = true;
    void syncs.secret(sync.id).then((reply) => {
      if (!shown) return;
      const settled = settleSyncReply(reply, relayUrl);
      setView(
        settled.ok
          ? { phase: 'ready', secret: settled.value }
          : { phase: 'failed', problem: settled.problem },
      );
    });
    return () => {
      shown = false;
    };
  }, [syncs, sync.id, relayUrl, isAdmin]);

  const rotate = async () => {
    setRotating(true);
    const settled = settleSyncReply(await syncs.rotateSecret(sync.id), relayUrl);
    setRotating(false);
    setConfirming(false);
    if (!settled.ok) return setView({ phase: 'failed', problem: settled.problem });
    setView({ phase: 'ready', secret: settled.value });
    setNews(text.rotated);
  };

  const secret = view.phase === 'ready' ? view.secret.secret : '<ingest secret>';
  return (
    <section class="ar-card sync-panel" aria-labelledby="ingest-heading">
      <header class="sync-panel__header">
        <h2 id="ingest-heading">{text.heading}</h2>
        <p class="ar-muted">{text.intro}</p>
      </header>
      <CopyField id="ingest-url" label={text.url} value={sync.ingestUrl} clipboard={clipboard} />
      {!isAdmin && <p class="ar-notice ar-notice--info">{text.adminOnly}</p>}
      {isAdmin && view.phase === 'loading' && <p role="status">{text.loadingSecret}</p>}
      {view.phase === 'failed' && <ProblemNotice problem={view.problem} />}
      {view.phase === 'ready' && (
        <>
          <CopyField
            id="ingest-secret"
            label={text.secret}
            value={view.secret.secret}
            clipboard={clipboard}
            secret
          />
          {news && (
            <p class="ar-notice ar-notice--success" role="status">
              {news}
            </p>
          )}
          {confirming ? (
            <ConfirmPanel
              title={text.rotateTitle}
              tone="danger"
              confirmLabel={text.rotateConfirm}
              cancelLabel={text.keep}
              busy={rotating}
              busyLabel={text.rotating}
              onConfirm={() => void rotate()}
              onCancel={() => setConfirming(false)}
            >
              <p>{text.rotateText}</p>
            </ConfirmPanel>
          ) : (
            <div>
              <ActionButton
                variant="secondary"
                onClick={() => {
                  setNews(null);
                  setConfirming(true);
                }}
              >
                {text.rotate}
              </ActionButton>
            </div>
          )}
        </>
      )}
      <details class="sync-panel__examples">
        <summary>{text.examples}</summary>
        <CopyField
          id="ingest-curl"
          label={text.curl}
          value={curlExample(sync.ingestUrl, secret)}
          clipboard={clipboard}
          multiline
        />
        <p class="ar-hint">{text.brazeIntro}</p>
        <CopyField
          id="ingest-braze-headers"
          label={text.brazeHeaders}
          value={brazeWebhookHeaders(secret)}
          clipboard={clipboard}
          multiline
        />
        <CopyField
          id="ingest-braze-body"
          label={text.brazeBody}
          value={BRAZE_WEBHOOK_BODY}
          clipboard={clipboard}
          multiline
        />
      </details>
    </section>
  );
}
