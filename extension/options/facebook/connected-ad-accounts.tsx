import type { FacebookStatus } from '../../facebook/facebook-service.ts';
import { en } from '../../i18n/en.ts';

const text = en.options.adAccounts;

type ConnectedAccount = FacebookStatus['adAccounts'][number];

/** The ad accounts the workspace exports to, with what blocks each one. */
export function ConnectedAdAccounts({
  accounts,
  isAdmin,
}: {
  accounts: readonly ConnectedAccount[];
  isAdmin: boolean;
}) {
  if (accounts.length === 0) {
    return <p class="ar-muted">{isAdmin ? text.none : text.noneMarketer}</p>;
  }
  return (
    <ul class="ad-account-list">
      {accounts.map((account) => (
        <li key={account.id} class="ad-account">
          <AdAccountSummary account={account} />
        </li>
      ))}
    </ul>
  );
}

/** Name, id, business, status and Custom Audience Terms of one ad account. */
export function AdAccountSummary({
  account,
}: {
  account: Pick<
    ConnectedAccount,
    'name' | 'accountId' | 'business' | 'accountStatusName' | 'customAudienceTos'
  >;
}) {
  const tos = account.customAudienceTos;
  return (
    <span class="ad-account__summary">
      <span class="ad-account__name">{account.name}</span>
      <span class="ad-account__meta">
        <span class="ar-mono">act_{account.accountId}</span>
        <span>
          {text.business}: {account.business?.name ?? text.noBusiness}
        </span>
        <span>
          {text.status}: {account.accountStatusName}
        </span>
      </span>
      <span class={`ar-badge ad-account__terms ad-account__terms--${tos}`}>{text.terms[tos]}</span>
    </span>
  );
}
