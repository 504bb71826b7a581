import { UseCaseError, type Principal } from '@wage/platform';

export type Officer = Extract<Principal, { kind: 'user' }>;

/** The blacklist procedure is run by inspectors and leaders (劳动保障监察机构及其负责人) of the case's region. */
export function requireOfficer(principal: Principal, doing: string): Officer {
  if (principal.kind === 'user' && (principal.role === 'INSPECTOR' || principal.role === 'LEADER'))
    return principal;
  const who = principal.kind === 'user' ? `a ${principal.role.toLowerCase()}` : `a ${principal.kind} token`;
  throw UseCaseError.forbidden(`only an inspector or a leader may ${doing}; the caller is ${who}`);
}
