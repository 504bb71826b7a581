import { covers } from '@wage/domain';
import { isAdmin, type Principal } from '@wage/platform';

/**
 * Who may record transactions on an account: the bank holding it, and no one else. The monitored party never
 * certifies itself, so neither the project nor the platform's administrator reports what the bank booked.
 */
export function mayRecordOnAccount(principal: Principal, account: { bankCode: string }): boolean {
  return principal.kind === 'bank' && principal.bankCode === account.bankCode;
}

/**
 * Who may see an account: the administrator, the bank holding it, the project it belongs to, and inspectors and
 * leaders whose region covers the project.
 */
export function maySeeAccount(
  principal: Principal,
  account: { projectCode: string; bankCode: string; regionCode: string },
): boolean {
  if (isAdmin(principal) || mayRecordOnAccount(principal, account)) return true;
  if (principal.kind === 'project') return principal.projectCode === account.projectCode;
  return principal.kind === 'user' && covers(principal.regionCode, account.regionCode);
}
