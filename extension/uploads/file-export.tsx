import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColumnMapping, SourceField } from '../../shared/column-mapping.ts';
import type { UploadPreviewResponse } from '../../shared/relay-api/uploads.ts';
import { en } from '../i18n/en.ts';
import { ExportPanel } from '../popup/exports/export-panel.tsx';
import {
  type TrackedExportsSource,
  useTrackedExports,
} from '../popup/exports/use-tracked-exports.ts';
import { ActionButton } from '../ui/action-button.tsx';
import type { BackgroundExports } from '../ui/background-exports.ts';
import type { Explanation } from '../ui/explanation.ts';
import { ProblemNotice } from '../ui/problem-notice.tsx';
import { checkFile } from './check-file.ts';
import { ColumnPreview, feedsAField } from './column-preview.tsx';
import { explainUploadFailure } from './explain-upload-failure.ts';
import { FilePicker } from './file-picker.tsx';
import { formatBytes } from './file-size.ts';
import { uploadKey, uploadSource } from './upload-source.ts';
import type { UploadsApi } from './uploads-api.ts';

const text = en.uploads;

export interface FileExportProps {
  api: UploadsApi;
  relayUrl: string;
  /** The relay's upload limit. */
  limitBytes: number;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  openOptions: () => void;
  /** Opens an ended export's full report. */
  openReport: (exportId: string) => void;
}

type FileStep =
  | { step: 'choose'; problem: Explanation | null }
  | { step: 'sending'; file: File; sent: number }
  | { step: 'sent'; file: File; uploadId: string };

type PreviewView =
  | { phase: 'loading'; last: UploadPreviewResponse | null }
  | { phase: 'ready'; preview: UploadPreviewResponse }
  | { phase: 'problem'; problem: Explanation };

/** A file from the disk to Facebook: choose, send, check the columns, export, follow. */
export function FileExport({
  api,
  relayUrl,
  limitBytes,
  exports,
  tracked,
  openOptions,
  openReport,
}: FileExportProps) {
  const [file, setFile] = useState<FileStep>({ step: 'choose', problem: null });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<PreviewView>({ phase: 'loading', last: null });
  const sending = useRef<AbortController | null>(null);
  // Only the answer to the latest preview request is shown (mappings change quickly).
  const previewRequest = useRef(0);
  const jobs = useTrackedExports(tracked);
  useEffect(() => () => sending.current?.abort(), []);

  const reset = (problem: Explanation | null = null) => {
    setFile({ step: 'choose', problem });
    setMapping({});
    setPreview({ phase: 'loading', last: null });
  };

  const loadPreview = async (uploadId: string, next: ColumnMapping) => {
    const request = ++previewRequest.current;
    setPreview((current) => ({
      phase: 'loading',
      last: current.phase === 'ready' ? current.preview : null,
    }));
    const answer = await api.preview(uploadId, { mapping: next });
    if (request !== previewRequest.current) return;
    setPreview(
      answer.ok
        ? { phase: 'ready', preview: answer.value }
        : { phase: 'problem', problem: explainUploadFailure(answer.failure, relayUrl) },
    );
  };

  const choose = async (chosen: File) => {
    const problem = await checkFile(chosen, limitBytes);
    if (problem) return reset(problem);
    const controller = new AbortController();
    sending.current = controller;
    setFile({ step: 'sending', file: chosen, sent: 0 });
    const answer = await api.upload(chosen, {
      signal: controller.signal,
      onProgress: (sent) =>
        setFile((current) => (current.step === 'sending' ? { ...current, sent } : current)),
    });
    sending.current = null;
    if (controller.signal.aborted) return;
    if (!answer.ok) return reset(explainUploadFailure(answer.failure, relayUrl));
    setFile({ step: 'sent', file: chosen, uploadId: answer.value.uploadId });
    setMapping({});
    await loadPreview(answer.value.uploadId, {});
  };

  if (file.step === 'choose') {
    return (
      <Step heading={text.chooseHeading} id="choose-heading">
        {file.problem && <ProblemNotice problem={file.problem} focusOnMount />}
        <FilePicker limitBytes={limitBytes} onFile={(chosen) => void choose(chosen)} />
      </Step>
    );
  }

  const key = file.step === 'sent' ? uploadKey(file.uploadId) : null;
  const exporting =
    key !== null && jobs !== null && Object.values(jobs).some((job) => job.segmentKey === key);
  const map = (column: string, field: SourceField | null) => {
    if (file.step !== 'sent') return;
    const next = { ...mapping, [column]: field };
    setMapping(next);
    void loadPreview(file.uploadId, next);
  };
  const shown =
    preview.phase === 'ready' ? preview.preview : preview.phase === 'loading' ? preview.last : null;

  return (
    <>
      <Step heading={text.chooseHeading} id="choose-heading">
        <FileCard
          file={file.file}
          sent={file.step === 'sending' ? file.sent : file.file.size}
          sending={file.step === 'sending'}
          onCancel={() => {
            sending.current?.abort();
            reset();
          }}
          onChooseOther={exporting ? undefined : () => reset()}
        />
      </Step>
      {file.step === 'sent' && (
        <Step heading={text.columnsHeading} id="columns-heading">
          {!exporting && <p class="ar-muted">{text.columnsIntro}</p>}
          {preview.phase === 'problem' && <ProblemNotice problem={preview.problem} />}
          {preview.phase === 'loading' && !shown && <p role="status">{text.readingColumns}</p>}
          {shown && (
            <ColumnPreview preview={shown} mapping={mapping} {...(!exporting && { onMap: map })} />
          )}
        </Step>
      )}
      {file.step === 'sent' && preview.phase === 'ready' && feedsAField(preview.preview) && (
        <section class="upload-page__export" aria-label={text.exportHeading}>
          <ExportPanel
            source={uploadSource({
              fileName: file.file.name,
              uploadId: file.uploadId,
              format: preview.preview.format,
              mapping,
            })}
            relayUrl={relayUrl}
            exports={exports}
            tracked={tracked}
            openOptions={openOptions}
            onOpenReport={openReport}
            next={{ label: text.exportAnother, start: () => reset() }}
          />
        </section>
      )}
    </>
  );
}

function Step({
  heading,
  id,
  children,
}: {
  heading: string;
  id: string;
  children: preact.ComponentChildren;
}) {
  return (
    <section class="ar-card upload-step" aria-labelledby={id}>
      <h2 id={id} class="upload-step__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}

function FileCard({
  file,
  sent,
  sending,
  onCancel,
  onChooseOther,
}: {
  file: File;
  sent: number;
  sending: boolean;
  onCancel: () => void;
  onChooseOther: (() => void) | undefined;
}) {
  const percent = file.size > 0 ? Math.round((sent / file.size) * 100) : 100;
  return (
    <div class="file-card">
      <div class="file-card__facts">
        <p class="file-card__name">{file.name}</p>
        <p class="ar-muted" aria-live="polite">
          {sending
            ? `${text.uploading} ${text.sizeOf(formatBytes(sent), formatBytes(file.size))}`
            : `${formatBytes(file.size)} · ${text.uploaded}`}
        </p>
      </div>
      {sending && (
        <progress
          class="file-card__bar"
          max={100}
          value={percent}
          aria-label={text.progressLabel}
        />
      )}
      {sending ? (
        <ActionButton variant="secondary" onClick={onCancel}>
          {text.cancelUpload}
        </ActionButton>
      ) : (
        onChooseOther && (
          <ActionButton variant="secondary" onClick={onChooseOther}>
            {text.chooseOther}
          </ActionButton>
        )
      )}
    </div>
  );
}
