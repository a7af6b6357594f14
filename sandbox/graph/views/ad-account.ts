import type { PersonCaller } from '../auth.ts';
import { type NodeView, pickSubFields } from '../fields.ts';
import type { AdAccount, World } from '../world.ts';

/** The AdAccount fields the emulator knows (reference §2.1), seen by `caller`. */
export function adAccountView(world: World, caller: PersonCaller): NodeView<AdAccount> {
  // `tos_accepted` returns 1 for accepted terms; an absent key means not accepted.
  const terms = (account: AdAccount) => (account.tosAccepted ? { custom_audience_tos: 1 } : {});
  return {
    type: 'AdAccount',
    defaults: ['account_id', 'id'],
    fields: {
      id: (account) => `act_${account.id}`,
      account_id: (account) => account.id,
      name: (account) => account.name,
      account_status: (account) => account.accountStatus,
      disable_reason: () => 0,
      currency: (account) => account.currency,
      timezone_name: (account) => account.timezoneName,
      owner: (account) => account.businessId ?? caller.person.id,
      business: (account, sub) => {
        const business = account.businessId ? world.businesses.get(account.businessId) : undefined;
        return business && pickSubFields({ ...business }, sub, 'Business');
      },
      user_tasks: (account) => world.tasksOf(account, caller.person.id),
      tos_accepted: terms,
      // Not valid for system users (reference §3.6): they can't sign the terms.
      user_tos_accepted: (account) => (caller.person.type === 'USER' ? terms(account) : undefined),
    },
  };
}
