import { describe, expect, it } from 'vitest';
import { audiencePlan, MULTI_KEY_AUDIENCE, planAudiences } from '../../../shared/audience-plan.ts';

describe('audience plans', () => {
  it('give one audience per field, with Meta’s single-key schema where there is one', () => {
    expect(
      planAudiences({ kind: 'per-field', keys: ['PHONE', 'EMAIL', 'MADID', 'EXTERN_ID', 'FN'] }),
    ).toEqual([
      { id: 'PHONE', kind: 'per-field', keys: ['PHONE'], schema: 'PHONE_SHA256' },
      { id: 'EMAIL', kind: 'per-field', keys: ['EMAIL'], schema: 'EMAIL_SHA256' },
      { id: 'MADID', kind: 'per-field', keys: ['MADID'], schema: 'MOBILE_ADVERTISER_ID' },
      { id: 'EXTERN_ID', kind: 'per-field', keys: ['EXTERN_ID'], schema: 'EXTERN_ID' },
      { id: 'FN', kind: 'per-field', keys: ['FN'], schema: ['FN'] },
    ]);
  });

  it('give one multi-key audience whose columns follow MATCH_KEYS whatever the choice order', () => {
    const [audience] = planAudiences({ kind: 'multi-key', keys: ['MADID', 'FN', 'EMAIL', 'ZIP'] });
    expect(audience).toEqual({
      id: MULTI_KEY_AUDIENCE,
      kind: 'multi-key',
      keys: ['EMAIL', 'FN', 'ZIP', 'MADID'],
      schema: ['EMAIL', 'FN', 'ZIP', 'MADID'],
    });
  });

  it('refuse no field, a field twice and unknown keys', () => {
    expect(audiencePlan.safeParse({ kind: 'per-field', keys: [] }).success).toBe(false);
    expect(audiencePlan.safeParse({ kind: 'multi-key', keys: ['EMAIL', 'EMAIL'] }).success).toBe(
      false,
    );
    expect(audiencePlan.safeParse({ kind: 'per-field', keys: ['EMAIL_SHA256'] }).success).toBe(
      false,
    );
    expect(audiencePlan.safeParse({ kind: 'both', keys: ['EMAIL'] }).success).toBe(false);
  });
});
