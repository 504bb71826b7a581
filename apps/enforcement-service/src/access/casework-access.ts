import { covers, regionPrefix, type RegionCode } from '@wage/domain';
import { UseCaseError, isAdmin, type Principal } from '@wage/platform';

/** A user who is a labour inspector (劳动保障监察员): only they decide on complaints and act on cases. */
export type Inspector = Extract<Principal, { kind: 'user' }>;

export function requireInspector(principal: Principal, doing: string): Inspector {
  if (principal.kind === 'user' && principal.role === 'INSPECTOR') return principal;
  const who = principal.kind === 'user' ? `a ${principal.role.toLowerCase()}` : `a ${principal.kind} token`;
  throw UseCaseError.forbidden(`only an inspector may ${doing}; the caller is ${who}`);
}

/** Whether the caller may see what belongs to a region: an administrator everything, a user their region. */
export function maySee(principal: Principal, regionCode: RegionCode): boolean {
  return isAdmin(principal) || (principal.kind === 'user' && covers(principal.regionCode, regionCode));
}

/** For a new record: a user may enter one only for a region they cover. */
export function requireCovers(principal: Principal, regionCode: RegionCode): void {
  if (maySee(principal, regionCode)) return;
  const own = principal.kind === 'user' ? `your region ${principal.regionCode}` : 'this token';
  throw UseCaseError.forbidden(`${own} does not cover region ${regionCode}`);
}

/** The `LIKE` pattern of the region codes a list shows the caller; a requested region must be inside theirs. */
export function regionPattern(principal: Principal, requested?: RegionCode): string {
  if (requested !== undefined) {
    requireCovers(principal, requested);
    return `${regionPrefix(requested)}%`;
  }
  return principal.kind === 'user' && !isAdmin(principal) ? `${regionPrefix(principal.regionCode)}%` : '%';
}

/** The actor recorded on a timeline: the username, never a token. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.username : principal.kind;
}
