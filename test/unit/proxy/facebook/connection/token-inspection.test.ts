import { describe, expect, it } from 'vitest';
import {
  type TokenInspection,
  tokenProblem,
} from '../../../../../proxy/facebook/connection/token-inspection.ts';

const APP = '734120958312667';
const valid: TokenInspection = {
  valid: true,
  appId: APP,
  type: 'USER',
  userId: '100',
  scopes: ['ads_management', 'business_management', 'public_profile'],
  expiresAt: new Date('2027-01-20T00:00:00Z'),
  dataAccessExpiresAt: null,
};

describe('tokenProblem', () => {
  it('accepts a valid token of this app with ads_management', () => {
    expect(tokenProblem(valid, APP)).toBeUndefined();
  });

  it('names the reason Facebook gives for a dead token, by its 190 subcode', () => {
    const dead = (subcode?: number) => ({
      ...valid,
      valid: false,
      error: { code: 190, subcode, message: 'Error validating access token' },
    });
    expect(tokenProblem(dead(460), APP)?.code).toBe('facebook_token_password_changed');
    expect(tokenProblem(dead(463), APP)?.code).toBe('facebook_token_expired');
    expect(tokenProblem(dead(459), APP)?.code).toBe('facebook_user_checkpointed');
    expect(tokenProblem(dead(467), APP)).toEqual({
      code: 'facebook_token_invalid',
      message: 'Error validating access token',
    });
    expect(tokenProblem(dead(), APP)?.code).toBe('facebook_reauthorize');
    expect(tokenProblem({ ...valid, valid: false }, APP)?.code).toBe('facebook_reauthorize');
  });

  it("refuses another app's token", () => {
    expect(tokenProblem({ ...valid, appId: '999' }, APP)?.code).toBe('facebook_token_wrong_app');
    const refused = { ...valid, valid: false, appId: null, otherApp: true };
    expect(tokenProblem(refused, APP)?.code).toBe('facebook_token_wrong_app');
  });

  it('refuses a token without ads_management, saying what it has', () => {
    const problem = tokenProblem({ ...valid, scopes: ['ads_read', 'public_profile'] }, APP);
    expect(problem?.code).toBe('facebook_ads_management_missing');
    expect(problem?.message).toContain('ads_read, public_profile');
  });
});
