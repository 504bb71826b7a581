import { covers } from '@wage/domain';
import { isAdmin, type Principal } from '@wage/platform';

/** Who may record on an account: the administrator, the bank holding it, the project it belongs to. */
export function mayActOnAccount(
  principal: Principal,
  account: { projectCode: string; bankCode: string },
): boolean {
  if (isAdmin(principal)) return true;
  if (principal.kind === 'bank') return principal.bankCode === account.bankCode;
  if (principal.kind === 'project') return principal.projectCode === account.projectCode;
  return false;
}

/** Who may see an account: those who may act on it, and inspectors and leaders whose region covers the project. */
export function maySeeAccount(
  principal: Principal,
  account: { projectCode: string; bankCode: string; regionCode: string },
): boolean {
  if (mayActOnAccount(principal, account)) return true;
  return principal.kind === 'user' && covers(principal.regionCode, account.regionCode);
}
