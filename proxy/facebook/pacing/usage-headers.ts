/**
 * Meta's usage headers (reference §7.2), reduced to what pacing needs: how close to 100 %
 * each quota is, and how long Meta says a throttle lasts. Malformed headers count as absent:
 * pacing is advice, and a bad header must never fail a call that succeeded.
 */
export interface GraphUsage {
  /**
   * `X-Business-Use-Case-Usage`, by ad account id (without `act_`): the highest of every
   * use-case type's `call_count`, `total_cputime` and `total_time`, and the longest
   * `estimated_time_to_regain_access` (minutes).
   */
  businessUseCase: Map<string, { percent: number; regainMinutes: number }>;
  /** `X-Ad-Account-Usage` `acc_id_util_pct`: the account the call was about. */
  adAccountPercent?: number;
  /** `X-App-Usage`: the highest of its meters. */
  appPercent?: number;
}

const json = (text: string | null): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The finite, non-negative numbers among `names` of `object` (numbers or numeric strings). */
const numbers = (object: Record<string, unknown>, names: string[]): number[] =>
  names
    .filter((name) => object[name] !== undefined && object[name] !== null)
    .map((name) => Number(object[name]))
    .filter((value) => Number.isFinite(value) && value >= 0);

const highest = (values: number[]): number | undefined =>
  values.length > 0 ? Math.max(...values) : undefined;

const METERS = ['call_count', 'total_cputime', 'total_time'];

/** Headers are case-insensitive; `Headers` handles that. */
export function parseUsageHeaders(headers: Headers): GraphUsage {
  const businessUseCase = new Map<string, { percent: number; regainMinutes: number }>();
  const buc = record(json(headers.get('x-business-use-case-usage')));
  for (const [id, entries] of Object.entries(buc ?? {})) {
    const usages = (Array.isArray(entries) ? entries : []).map(record).filter((entry) => !!entry);
    const percent = highest(usages.flatMap((usage) => numbers(usage, METERS)));
    if (percent === undefined) continue;
    const regain = highest(
      usages.flatMap((usage) => numbers(usage, ['estimated_time_to_regain_access'])),
    );
    businessUseCase.set(id.replace(/^act_/, ''), { percent, regainMinutes: regain ?? 0 });
  }
  const adAccount = record(json(headers.get('x-ad-account-usage')));
  const app = record(json(headers.get('x-app-usage')));
  const adAccountPercent = adAccount && highest(numbers(adAccount, ['acc_id_util_pct']));
  const appPercent = app && highest(numbers(app, METERS));
  return {
    businessUseCase,
    ...(adAccountPercent === undefined ? {} : { adAccountPercent }),
    ...(appPercent === undefined ? {} : { appPercent }),
  };
}
