import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import {
  explainMessageError,
  explainPermissionDenied,
  explainRelayFailure,
  explainRelayReply,
} from '../../../../extension/ui/explanation.ts';
import { describeError } from '../../../../shared/error-catalog.ts';

const URL = 'https://relay.example.com:8443/tools';

describe('explainRelayFailure', () => {
  it('explains a relay that does not answer, naming its address', () => {
    const explained = explainRelayFailure({ kind: 'unreachable', reason: 'network' }, URL);
    expect(explained.title).toBe(en.problems.unreachable.title);
    expect(explained.explanation).toContain(URL);
    expect(explained.steps).toEqual(en.problems.unreachable.steps);
    expect(explained.reference).toBeUndefined();
  });

  it('tells a slow relay from one that is not there', () => {
    const explained = explainRelayFailure({ kind: 'unreachable', reason: 'timeout' }, URL);
    expect(explained.title).toBe(en.problems.timeout.title);
    expect(explained.explanation).toContain(URL);
  });

  it('explains an answer that is not the relay’s, with its status', () => {
    const explained = explainRelayFailure({ kind: 'unexpected-response', status: 404 }, URL);
    expect(explained.title).toBe(en.problems.notARelay.title);
    expect(explained.explanation).toContain(`${URL} (HTTP 404)`);
  });

  it.each([
    ['unauthenticated', 401, 'api_key_revoked'],
    ['unauthenticated', 401, 'invalid_api_key'],
    ['forbidden', 403, 'forbidden'],
    ['server', 500, 'internal'],
    ['rejected', 409, 'facebook_not_connected'],
  ] as const)('explains a %s refusal by its catalog code %s', (kind, status, code) => {
    const failure = { kind, status, code, message: 'm', requestId: 'req-1' };
    const entry = describeError(code);
    expect(explainRelayFailure(failure, URL)).toEqual({
      title: entry.title,
      explanation: entry.explanation,
      steps: entry.steps,
      reference: 'req-1',
    });
  });

  it('explains a code this version does not know with the catalog’s generic entry', () => {
    const failure = {
      kind: 'server' as const,
      status: 500,
      code: 'new_thing',
      message: 'm',
      requestId: 'r',
    };
    expect(explainRelayFailure(failure, URL).title).toBe(describeError('unknown_error').title);
  });
});

describe('explainPermissionDenied', () => {
  it('names the origin the extension asked for', () => {
    expect(explainPermissionDenied(URL).explanation).toContain('https://relay.example.com:8443');
  });
});

describe('explainMessageError', () => {
  it('keeps the browser’s own words as a detail', () => {
    expect(explainMessageError('No listeners available').explanation).toContain(
      'No listeners available',
    );
  });
});

describe('explainRelayReply', () => {
  it('passes the relay’s value through', () => {
    expect(explainRelayReply({ ok: true, value: { ok: true, value: 42 } }, URL)).toEqual({
      ok: true,
      value: 42,
    });
  });

  it('explains the relay’s refusal, keeping its catalog code', () => {
    const failure = {
      kind: 'rejected' as const,
      status: 404,
      code: 'not_found',
      message: 'm',
      requestId: 'req-9',
    };
    const explained = explainRelayReply({ ok: true, value: { ok: false, failure } }, URL);
    expect(explained).toEqual({
      ok: false,
      problem: explainRelayFailure(failure, URL),
      code: 'not_found',
    });
  });

  it('has no code for failures the relay did not answer with', () => {
    const failure = { kind: 'unreachable' as const, reason: 'network' as const };
    expect(explainRelayReply({ ok: true, value: { ok: false, failure } }, URL)).toEqual({
      ok: false,
      problem: explainRelayFailure(failure, URL),
      code: null,
    });
    expect(explainRelayReply({ ok: false, error: 'gone' }, URL)).toEqual({
      ok: false,
      problem: explainMessageError('gone'),
      code: null,
    });
  });
});
