import { describeError } from '../../../shared/error-catalog.ts';
import type { TokenStatus } from '../../../shared/relay-api/facebook.ts';
import type { FacebookStatus } from '../../facebook/facebook-service.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { Explanation } from '../../ui/explanation.ts';
import { formatDate } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';

const text = en.options.facebookHealth;

export interface FacebookHealthProps {
  status: FacebookStatus;
  isAdmin: boolean;
  checking: boolean;
  onCheckNow: () => void;
  /** Reconnecting is the fix for an invalid or expiring user token; admins only. */
  onReconnect: () => void;
}

/** A problem the health panel lists, with the action that fixes it when there is one. */
interface HealthIssue {
  key: string;
  problem: Explanation;
  fix?: 'reconnect' | { href: string; label: string };
}

/**
 * Which token the relay uses, whether Facebook still accepts it, when it expires, and per
 * chosen ad account what keeps audiences from being made there. Marketers see the same,
 * with "ask an admin" in place of the buttons.
 */
export function FacebookHealth({
  status,
  isAdmin,
  checking,
  onCheckNow,
  onReconnect,
}: FacebookHealthProps) {
  const token = status.tokenInUse === 'system_user' ? status.systemUser : status.user;
  const issues = healthIssues(status, token);
  return (
    <div class="facebook-health">
      <h3>{text.heading}</h3>
      <dl class="ar-facts">
        <dt>{text.tokenInUse}</dt>
        <dd>{token ? tokenName(token) : '—'}</dd>
        {token && (
          <>
            <dt>{text.expires}</dt>
            <dd>
              {token.expiresAt && token.expiresInDays !== null
                ? text.expiresOn(formatDate(token.expiresAt), token.expiresInDays)
                : text.never}
            </dd>
            <dt>{text.lastChecked}</dt>
            <dd>{formatDate(token.checkedAt, true)}</dd>
          </>
        )}
      </dl>
      {issues.length === 0 ? (
        <div class="ar-notice ar-notice--success">
          <p class="ar-notice__title">{text.healthyTitle}</p>
          <p>{text.healthyText}</p>
        </div>
      ) : (
        <ul class="facebook-health__issues">
          {issues.map((issue) => (
            <li key={issue.key}>
              <ProblemNotice problem={issue.problem} live={false}>
                <IssueFix issue={issue} isAdmin={isAdmin} onReconnect={onReconnect} />
              </ProblemNotice>
            </li>
          ))}
        </ul>
      )}
      <div>
        <ActionButton
          variant="secondary"
          busy={checking}
          busyLabel={text.checking}
          onClick={onCheckNow}
        >
          {text.checkNow}
        </ActionButton>
      </div>
    </div>
  );
}

function IssueFix({
  issue,
  isAdmin,
  onReconnect,
}: {
  issue: HealthIssue;
  isAdmin: boolean;
  onReconnect: () => void;
}) {
  const { fix } = issue;
  // Anyone with access to the ad account may accept its terms, marketers included.
  if (fix && fix !== 'reconnect') {
    return (
      <p>
        <a href={fix.href} target="_blank" rel="noopener noreferrer">
          {fix.label}
        </a>{' '}
        <span class="ar-muted">{text.newTab}</span>
      </p>
    );
  }
  if (!isAdmin) return <p class="facebook-health__ask">{en.options.facebook.askAdmin}</p>;
  if (fix !== 'reconnect') return null;
  return (
    <div>
      <ActionButton variant="primary" onClick={onReconnect}>
        {en.options.facebook.reconnect}
      </ActionButton>
    </div>
  );
}

function healthIssues(status: FacebookStatus, token: TokenStatus | null): HealthIssue[] {
  const issues: HealthIssue[] = [];
  // A user token is fixed by reconnecting; a System User token by pasting a new one below.
  const reconnect = status.tokenInUse === 'user' ? ('reconnect' as const) : undefined;
  if (token && !token.valid) {
    const { title, explanation, steps } = describeError(
      token.invalidReason?.code ?? 'facebook_token_invalid',
    );
    issues.push({ key: 'token', problem: { title, explanation, steps }, fix: reconnect });
  } else if (token?.expiringSoon && token.expiresInDays !== null) {
    issues.push({
      key: 'expiry',
      problem: {
        title: text.expiringTitle(token.expiresInDays),
        explanation: text.expiringText,
        steps: [],
      },
      fix: reconnect,
    });
  }
  if (status.checkError) {
    const { title } = describeError(status.checkError.code);
    issues.push({
      key: 'check',
      problem: {
        title: text.checkFailedTitle,
        explanation: text.checkFailedText(title),
        steps: [],
      },
    });
  }
  for (const account of status.adAccounts) {
    if (!account.accessible) {
      issues.push({
        key: `access-${account.id}`,
        problem: {
          title: text.noAccessTitle(account.name),
          explanation: text.noAccessText,
          steps: [],
        },
      });
    } else if (account.customAudienceTos === 'not_accepted') {
      issues.push({
        key: `terms-${account.id}`,
        problem: { title: text.termsTitle(account.name), explanation: text.termsText, steps: [] },
        fix: { href: account.tosUrl, label: text.acceptTerms(account.name) },
      });
    }
  }
  return issues;
}

function tokenName(token: TokenStatus): string {
  const name = token.facebookUser.name ?? text.unnamed;
  return token.kind === 'system_user' ? text.systemUserToken(name) : text.userToken(name);
}
