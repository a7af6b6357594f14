import { describe, expect, it } from 'vitest';
import {
  classifyGraphError,
  GraphError,
  type GraphErrorFacts,
  graphErrorFacts,
} from '../../../../../proxy/facebook/graph/graph-error.ts';
import { ApiError } from '../../../../../proxy/http/api-error.ts';

const facts = (extra: Omit<GraphErrorFacts, 'message'>): GraphErrorFacts => ({
  message: 'from Meta',
  httpStatus: 400,
  ...extra,
});

describe('classifyGraphError', () => {
  // One row per line of the handling matrix (reference §6.6).
  const cases: [Omit<GraphErrorFacts, 'message'>, string, string][] = [
    [{ code: 190 }, 'reauthorize', 'facebook_reauthorize'],
    [{ code: 190, subcode: 460 }, 'reauthorize', 'facebook_token_password_changed'],
    [{ code: 190, subcode: 459 }, 'reauthorize', 'facebook_user_checkpointed'],
    [{ code: 102 }, 'reauthorize', 'facebook_reauthorize'],
    [{ code: 104 }, 'reauthorize', 'facebook_app_secret_mismatch'],
    [{ code: 200, subcode: 1870034 }, 'terms', 'facebook_custom_audience_terms_not_accepted'],
    [{ code: 2663 }, 'terms', 'facebook_custom_audience_terms_not_accepted'],
    [{ code: 10 }, 'access', 'facebook_access'],
    [{ code: 200 }, 'access', 'facebook_access'],
    [{ code: 270 }, 'access', 'facebook_ad_account_access_denied'],
    [{ code: 294 }, 'access', 'facebook_ads_management_missing'],
    [{ code: 100, subcode: 33 }, 'access', 'facebook_audience_not_found'],
    [{ code: 100, subcode: 1713230 }, 'integrity', 'facebook_audience_integrity_flagged'],
    [{ code: 100, subcode: 1713232 }, 'integrity', 'facebook_lookalike_seed_restricted'],
    [{ code: 100 }, 'bad-data', 'facebook_bad_data'],
    [{ code: 2650 }, 'bad-data', 'facebook_bad_data'],
    [{ code: 200, subcode: 1870047 }, 'bad-data', 'facebook_audience_too_small'],
    [{ code: 80003, subcode: 2446079 }, 'throttled', 'facebook_throttled'],
    [{ code: 4 }, 'throttled', 'facebook_throttled'],
    [{ code: 613 }, 'throttled', 'facebook_throttled'],
    [{ code: 1 }, 'transient', 'facebook_transient'],
    [{ code: 2, isTransient: true, httpStatus: 500 }, 'transient', 'facebook_transient'],
    [{ code: 2650, subcode: 1870148 }, 'transient', 'facebook_transient'],
    [{ code: 2500 }, 'unknown', 'facebook_unknown'],
  ];
  it.each(cases)('classes %j as %s (%s)', (input, errorClass, code) => {
    const entry = classifyGraphError(facts(input));
    expect(entry.errorClass).toBe(errorClass);
    expect(entry.code).toBe(code);
  });

  it('takes is_transient as a retry hint for unknown and bad-data answers only', () => {
    expect(classifyGraphError(facts({ code: 99999, isTransient: true })).errorClass).toBe(
      'transient',
    );
    expect(classifyGraphError(facts({ code: 2650, isTransient: true })).errorClass).toBe(
      'transient',
    );
    expect(classifyGraphError(facts({ code: 190, isTransient: true })).errorClass).toBe(
      'reauthorize',
    );
    expect(classifyGraphError(facts({ code: 80003, isTransient: true })).errorClass).toBe(
      'throttled',
    );
  });

  it('calls a missing answer transient and a non-Graph 4xx answer unknown', () => {
    expect(classifyGraphError({ message: 'socket hang up' }).errorClass).toBe('transient');
    expect(classifyGraphError({ message: 'html', httpStatus: 502 }).errorClass).toBe('transient');
    expect(classifyGraphError({ message: 'html', httpStatus: 404 }).errorClass).toBe('unknown');
    expect(classifyGraphError({ message: 'Bad Gateway', code: 99999, httpStatus: 503 }).code).toBe(
      'facebook_transient',
    );
  });
});

describe('GraphError', () => {
  it('is an ApiError with the catalog code, and keeps what Meta said', () => {
    const error = new GraphError(
      {
        code: 200,
        subcode: 1870034,
        type: 'OAuthException',
        message: '(#200) Permissions error',
        userTitle: 'Custom Audience Terms Not Accepted',
        userMsg: "You'll need to agree to the Custom Audience terms",
        fbtraceId: 'AbC123',
        isTransient: false,
        httpStatus: 400,
      },
      { adAccountId: '42' },
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('facebook_custom_audience_terms_not_accepted');
    expect(error.status).toBe(502);
    expect(error.errorClass).toBe('terms');
    expect(error.message).toBe('(#200) Permissions error');
    expect(error.details).toEqual({
      adAccountId: '42',
      facebook: {
        errorClass: 'terms',
        code: 200,
        subcode: 1870034,
        type: 'OAuthException',
        userTitle: 'Custom Audience Terms Not Accepted',
        userMsg: "You'll need to agree to the Custom Audience terms",
        fbtraceId: 'AbC123',
        isTransient: false,
      },
    });
    expect(error.tokenRejected).toBe(false);
  });

  it('says when the token itself was rejected', () => {
    expect(new GraphError(facts({ code: 190, subcode: 463 })).tokenRejected).toBe(true);
    expect(new GraphError(facts({ code: 102 })).tokenRejected).toBe(true);
    expect(new GraphError(facts({ code: 104 })).tokenRejected).toBe(false);
  });

  it('answers 503 for errors that waiting fixes', () => {
    expect(new GraphError(facts({ code: 2, isTransient: true })).status).toBe(503);
    expect(new GraphError(facts({ code: 80003 })).status).toBe(503);
  });
});

describe('graphErrorFacts', () => {
  it("reads Meta's envelope", () => {
    const body = {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: 'Xy',
      },
    };
    expect(graphErrorFacts(body, 500)).toEqual({
      code: 2,
      subcode: undefined,
      type: 'OAuthException',
      message: 'An unexpected error has occurred. Please retry your request later.',
      userTitle: undefined,
      userMsg: undefined,
      fbtraceId: 'Xy',
      isTransient: true,
      httpStatus: 500,
    });
  });

  it('is undefined for anything that is not an error envelope', () => {
    expect(graphErrorFacts({ data: [] }, 200)).toBeUndefined();
    expect(graphErrorFacts(undefined, 500)).toBeUndefined();
    expect(graphErrorFacts({ error: 'nope' }, 400)).toBeUndefined();
  });
});
