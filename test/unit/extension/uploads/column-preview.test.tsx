import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { ColumnPreview } from '../../../../extension/uploads/column-preview.tsx';
import type { UploadPreviewResponse } from '../../../../shared/relay-api/uploads.ts';
import { mount, pageText } from '../support/render-page.ts';

const text = en.uploads;
const preview = (over: Partial<UploadPreviewResponse> = {}): UploadPreviewResponse => ({
  format: 'csv',
  columns: [{ name: 'email', field: 'email' }],
  rowsRead: 10,
  malformed: 0,
  malformedSample: [],
  complete: true,
  ...over,
});

describe('ColumnPreview', () => {
  it('says every row is readable', async () => {
    await mount(<ColumnPreview preview={preview()} mapping={{}} onMap={vi.fn()} />);
    expect(pageText()).toContain(text.rowsRead('10', true));
    expect(pageText()).toContain(text.noMalformed);
  });

  it('lists the first unreadable rows by line and counts the rest', async () => {
    const sample = [
      { line: 4, problem: 'invalid_json' as const },
      { line: 9, problem: 'line_too_long' as const },
    ];
    await mount(
      <ColumnPreview
        preview={preview({ malformed: 1200, malformedSample: sample, complete: false })}
        mapping={{}}
      />,
    );
    expect(pageText()).toContain(text.malformed('1,200', false));
    expect(pageText()).toContain('Line 4: The line is not valid JSON.');
    expect(pageText()).toContain('Line 9: The line is longer than the relay accepts.');
    expect(pageText()).toContain(text.malformedMore('1,198'));
    expect(pageText()).toContain(text.rowsRead('10', false));
  });

  it('shows the person’s choice at once, marked as theirs, and nothing editable without onMap', async () => {
    await mount(<ColumnPreview preview={preview()} mapping={{ email: null }} />);
    const select = document.querySelector('select');
    expect(select?.value).toBe('');
    expect(select?.disabled).toBe(true);
    expect(pageText()).toContain(text.mappedByYou);
  });
});
