import { describe, expect, it } from 'vitest';
import {
  type AudienceForMembers,
  audienceProblem,
} from '../../../../../proxy/facebook/audiences/audience-usability.ts';

const usable: AudienceForMembers = {
  id: '1',
  name: 'Newsletter',
  approximateCount: { lower: 4900, upper: 5100 },
  isValueBased: false,
  operationStatus: 200,
  canEdit: true,
};

describe('audienceProblem', () => {
  it('finds nothing wrong with an editable customer list', () => {
    expect(audienceProblem(usable)).toBeNull();
    expect(audienceProblem({ ...usable, operationStatus: 410, approximateCount: null })).toBeNull();
  });

  it.each([
    [{ isValueBased: true }, 'facebook_value_based_audience_not_supported'],
    [{ operationStatus: 471 }, 'facebook_audience_integrity_flagged'],
    [{ canEdit: false }, 'facebook_audience_not_editable'],
    // Meta says a flagged audience is not editable either: the flag is the reason to give.
    [{ operationStatus: 471, canEdit: false }, 'facebook_audience_integrity_flagged'],
  ])('%o is %s', (change, code) => {
    const problem = audienceProblem({ ...usable, ...change });
    expect(problem?.code).toBe(code);
    expect(problem?.message).toContain('"Newsletter"');
  });
});
