import { describe, expect, it } from 'vitest';
import { assertVersion } from '../../../../sandbox/graph/versions.ts';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('assertVersion', () => {
  it('serves a Marketing API version until its end date', () => {
    expect(() => assertVersion('v24.0', 'marketing', at('2026-10-05'), '/p')).not.toThrow();
    expect(() => assertVersion('v24.0', 'marketing', at('2026-10-06'), '/p')).toThrow(
      expect.objectContaining({ code: 2635 }),
    );
    expect(() => assertVersion('v26.0', 'marketing', at('2030-01-01'), '/p')).not.toThrow();
  });

  it('serves Graph versions longer, and refuses them past their date', () => {
    expect(() => assertVersion('v21.0', 'graph', at('2027-01-20'), '/p')).not.toThrow();
    expect(() => assertVersion('v21.0', 'graph', at('2027-01-21'), '/p')).toThrow(
      expect.objectContaining({ code: 2500 }),
    );
  });

  it('refuses versions it does not know', () => {
    expect(() => assertVersion('v19.0', 'graph', at('2026-01-01'), '/p')).toThrow(
      expect.objectContaining({ code: 2500 }),
    );
  });
});
