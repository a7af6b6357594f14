import { useRef, useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import { ActionButton } from '../ui/action-button.tsx';
import { formatBytes } from './file-size.ts';

const text = en.uploads;
/** What the browser's file dialog offers first; any file may still be dropped or chosen. */
const ACCEPT = '.csv,.tsv,.txt,.ndjson,.jsonl,.json,text/csv,application/x-ndjson';

export interface FilePickerProps {
  /** The relay's upload limit, stated before anyone picks a file. */
  limitBytes: number;
  onFile: (file: File) => void;
}

/** A drop zone with a button that opens the browser's file dialog. */
export function FilePicker({ limitBytes, onFile }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <fieldset
      class={`file-picker${over ? ' file-picker--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer?.files);
      }}
    >
      <legend class="ar-visually-hidden">{text.fileLegend}</legend>
      <p class="file-picker__drop">{text.dropHere}</p>
      <p class="ar-muted">{text.or}</p>
      <ActionButton variant="primary" onClick={() => input.current?.click()}>
        {text.chooseFile}
      </ActionButton>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        class="ar-visually-hidden"
        tabIndex={-1}
        aria-label={text.chooseFile}
        onChange={(event) => {
          take(event.currentTarget.files);
          // Choosing the same file again (after fixing it on disk) must fire again.
          event.currentTarget.value = '';
        }}
      />
      <p class="ar-hint">{text.accepts(formatBytes(limitBytes))}</p>
    </fieldset>
  );
}
