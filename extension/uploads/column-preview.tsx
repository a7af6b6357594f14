import {
  type ColumnMapping,
  SOURCE_FIELDS,
  type SourceField,
} from '../../shared/column-mapping.ts';
import { describeError } from '../../shared/error-catalog.ts';
import { SOURCE_PROBLEM_TEXT } from '../../shared/export-report.ts';
import type { UploadPreviewResponse } from '../../shared/relay-api/uploads.ts';
import { en } from '../i18n/en.ts';
import { formatCount } from '../ui/format.ts';
import { ProblemNotice } from '../ui/problem-notice.tsx';

const text = en.uploads;

export interface ColumnPreviewProps {
  preview: UploadPreviewResponse;
  /** The person's own choices, shown at once (the preview of them may still be on its way). */
  mapping: ColumnMapping;
  /** Called with a column's new field, or null to leave it out; absent once exporting. */
  onMap?: (column: string, field: SourceField | null) => void;
}

/** Whether any column feeds a field: an export of the file would read something. */
export const feedsAField = (preview: UploadPreviewResponse) =>
  preview.columns.some((column) => column.field !== null);

/** The columns as the relay reads them, each with the field it feeds, and unreadable rows. */
export function ColumnPreview({ preview, mapping, onMap }: ColumnPreviewProps) {
  return (
    <div class="column-preview">
      {!feedsAField(preview) && <NoUsableColumn />}
      <table class="column-preview__table">
        <thead>
          <tr>
            <th scope="col">{text.column}</th>
            <th scope="col">{text.feeds}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map(({ name, field: read }, index) => {
            const id = `column-${index}`;
            const mapped = Object.hasOwn(mapping, name);
            const field = mapped ? mapping[name] : read;
            return (
              <tr key={name} class={field ? 'column-preview__row--used' : undefined}>
                <th scope="row">
                  <label for={id} class="ar-mono">
                    {name}
                  </label>
                </th>
                <td>
                  <div class="column-preview__choice">
                    <select
                      id={id}
                      class="ar-input"
                      value={field ?? ''}
                      disabled={!onMap}
                      onChange={(event) =>
                        onMap?.(name, (event.currentTarget.value || null) as SourceField | null)
                      }
                    >
                      <option value="">{text.notUsed}</option>
                      {SOURCE_FIELDS.map((option) => (
                        <option key={option} value={option}>
                          {text.fields[option]}
                        </option>
                      ))}
                    </select>
                    {mapped && <span class="ar-badge">{text.mappedByYou}</span>}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Rows preview={preview} />
    </div>
  );
}

function NoUsableColumn() {
  const { title, steps } = describeError('unreadable_file');
  return (
    <ProblemNotice problem={{ title, explanation: text.noUsableColumn, steps }} live={false} />
  );
}

function Rows({ preview }: { preview: UploadPreviewResponse }) {
  if (preview.rowsRead === 0 && !preview.complete) return null;
  return (
    <div class="column-preview__rows">
      <p>{text.rowsRead(formatCount(preview.rowsRead), preview.complete)}</p>
      {preview.malformed === 0 ? (
        <p class="ar-muted">{text.noMalformed}</p>
      ) : (
        <div class="ar-notice ar-notice--info">
          <p class="ar-notice__title">
            {text.malformed(formatCount(preview.malformed), preview.malformed === 1)}
          </p>
          <ul class="column-preview__malformed">
            {preview.malformedSample.map(({ line, problem }) => (
              <li key={line}>{text.malformedLine(line, SOURCE_PROBLEM_TEXT[problem])}</li>
            ))}
          </ul>
          {preview.malformed > preview.malformedSample.length && (
            <p>
              {text.malformedMore(formatCount(preview.malformed - preview.malformedSample.length))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
