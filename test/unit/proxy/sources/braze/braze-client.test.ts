import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../proxy/http/api-error.ts';
import {
  BrazeResponseError,
  createBrazeClient,
} from '../../../../../proxy/sources/braze/braze-client.ts';

const KEY = 'secret-braze-key-1234';
const NOW = Date.parse('2026-03-02T10:15:00Z');
const RESET = Date.parse('2026-03-02T11:00:00Z') / 1000;

/** A client over scripted answers, on a clock that only sleeps move. */
function scripted(answers: (() => Response)[], options = {}) {
  let now = NOW;
  const sleeps: number[] = [];
  const calls: RequestInit[] = [];
  const client = createBrazeClient({
    endpoint: 'https://rest.iad-01.braze.com/',
    apiKey: KEY,
    fetch: async (_url, init) => {
      calls.push(init ?? {});
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps, calls };
}

const json =
  (status: number, body: object, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers });
const limited = (remaining: string) => ({
  'x-ratelimit-limit': '250000',
  'x-ratelimit-remaining': remaining,
  'x-ratelimit-reset': String(RESET),
});

describe('createBrazeClient', () => {
  it('sends the key as a bearer token to the endpoint', async () => {
    const { client, calls } = scripted([json(200, { message: 'success' })]);
    await client.get('/segments/list', { page: '0' });
    expect(calls[0]?.headers).toEqual({ authorization: `Bearer ${KEY}` });
    expect(client.endpoint).toBe('https://rest.iad-01.braze.com');
  });

  it('waits for the reset before the next call once the window is used up', async () => {
    const { client, sleeps } = scripted([
      json(200, { message: 'success' }, limited('0')),
      json(200, { message: 'success' }, limited('249999')),
    ]);
    await client.get('/segments/list');
    expect(sleeps).toEqual([]);
    await client.get('/segments/list');
    expect(sleeps).toEqual([RESET * 1000 - NOW]);
  });

  it('retries a rate-limited call after the reset', async () => {
    const { client, sleeps } = scripted([
      json(429, { message: 'Rate limited' }, limited('0')),
      json(200, { message: 'success' }, limited('249999')),
    ]);
    await expect(client.get('/segments/list')).resolves.toEqual({ message: 'success' });
    expect(sleeps).toEqual([RESET * 1000 - NOW]);
  });

  it('refuses to wait longer than allowed for the reset', async () => {
    const { client } = scripted([json(200, { message: 'success' }, limited('0'))], {
      maxRateLimitWaitMs: 60_000,
    });
    await client.get('/segments/list');
    const error = await client.get('/segments/list').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('braze_rate_limited');
  });

  it('hands other 429s (an export already running) to the caller', async () => {
    const { client } = scripted([json(429, { message: 'already running' }, limited('100'))]);
    const error = await client.post('/users/export/segment', {}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BrazeResponseError);
    expect((error as BrazeResponseError).status).toBe(429);
  });

  it('retries lost connections with backoff, then gives up with braze_unavailable', async () => {
    const lost = () => {
      throw new TypeError('fetch failed');
    };
    const { client, sleeps } = scripted([lost, lost, lost], { retries: 2 });
    const error = (await client
      .get('/segments/list')
      .catch((thrown: unknown) => thrown)) as ApiError;
    expect(error.code).toBe('braze_unavailable');
    expect(sleeps).toEqual([375, 750]);
  });

  it('never puts the key in an error', async () => {
    const { client } = scripted([json(401, { message: `Invalid API key: ${KEY}` })]);
    const error = (await client
      .get('/segments/list')
      .catch((thrown: unknown) => thrown)) as ApiError;
    expect(error.code).toBe('braze_key_rejected');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(KEY);
  });
});
