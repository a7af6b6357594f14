import type { Context } from 'hono';
import type { PersonCaller } from './auth.ts';
import type { GraphEnv } from './context.ts';
import {
  adsManagementRequired,
  customAudienceThrottled,
  permissionRequired,
  termsNotAccepted,
  unsupportedRequest,
} from './errors.ts';
import { type AdAccount, type Audience, type World, WRITE_TASKS } from './world.ts';

/**
 * Who may see and change what: permissions on the token, tasks on the ad account, the
 * Custom Audience terms, and the per-account quota every custom-audience call is charged to.
 */

/** The ad account, if the caller has any task on it; otherwise Meta's 100/33. */
export function visibleAccount(
  world: World,
  caller: PersonCaller,
  accountId: string,
  method: string,
): AdAccount {
  const account = world.adAccounts.get(accountId);
  if (!account || !world.tasksOf(account, caller.person.id).length) {
    throw unsupportedRequest(method, `act_${accountId}`);
  }
  return account;
}

/** A live audience in an account the caller can see; deleted or hidden ones answer 100/33. */
export function visibleAudience(
  world: World,
  caller: PersonCaller,
  audienceId: string,
  method: string,
): { audience: Audience; account: AdAccount } {
  const audience = world.audience(audienceId);
  const account = audience && world.adAccounts.get(audience.accountId);
  if (!audience || !account || !world.tasksOf(account, caller.person.id).length) {
    throw unsupportedRequest(method, audienceId);
  }
  return { audience, account };
}

export function canWrite(world: World, account: AdAccount, caller: PersonCaller): boolean {
  return world.tasksOf(account, caller.person.id).some((task) => WRITE_TASKS.includes(task));
}

export function requireAdsRead(caller: PersonCaller): void {
  const scopes = caller.token.scopes;
  if (!scopes.includes('ads_read') && !scopes.includes('ads_management')) {
    throw permissionRequired('ads_management or ads_read');
  }
}

export function requireAdsManagement(caller: PersonCaller): void {
  if (!caller.token.scopes.includes('ads_management')) throw adsManagementRequired();
}

export function requireTerms(account: AdAccount): void {
  if (!account.tosAccepted) throw termsNotAccepted();
}

/**
 * Charges one custom-audience call to the account's rolling quota (and marks the response
 * for usage headers); 80003 when the account is throttled or a throttle fault is armed.
 */
export function chargeCustomAudienceCall(c: Context<GraphEnv>, account: AdAccount): void {
  const world = c.var.world;
  c.set('usageAccountId', account.id);
  if (c.var.forcedThrottleMinutes !== undefined) throw customAudienceThrottled();
  const quota = world.limiter.quotaFor(account.id, world.liveAudiencesOf(account.id).length);
  if (world.limiter.charge(account.id, quota, world.now().getTime()).throttled) {
    throw customAudienceThrottled();
  }
}
