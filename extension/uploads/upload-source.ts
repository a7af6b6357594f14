import type { ColumnMapping } from '../../shared/column-mapping.ts';
import type { UploadPreviewResponse } from '../../shared/relay-api/uploads.ts';
import type { ExportSource } from '../exports/export-source.ts';

export interface UploadedFile {
  fileName: string;
  uploadId: string;
  format: UploadPreviewResponse['format'];
  /** The person's corrections to the relay's reading of the columns. */
  mapping: ColumnMapping;
}

/** `VIP buyers 2026.csv` → `VIP buyers 2026`: what the audiences are named after. */
export function audienceBaseName(fileName: string): string {
  const base = fileName.replace(/\.(csv|tsv|txt|ndjson|jsonl|json)$/i, '').trim();
  return (base || fileName.trim() || 'Uploaded file').slice(0, 150);
}

/** Where the extension finds an upload's export again. */
export const uploadKey = (uploadId: string) => `upload:${uploadId}`;

/** An uploaded file as an export source; its upload id finds its export again. */
export function uploadSource({ fileName, uploadId, format, mapping }: UploadedFile): ExportSource {
  const name = audienceBaseName(fileName);
  return {
    name,
    key: uploadKey(uploadId),
    request: {
      kind: 'file',
      uploadId,
      format,
      ...(Object.keys(mapping).length > 0 && { mapping }),
      name,
    },
  };
}
