import type { UserRole } from '@wage/contracts';

/** Who is calling, resolved from the bearer token (a user's until the token expires). */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'project'; projectCode: string }
  | { kind: 'bank'; bankCode: string }
  | { kind: 'user'; username: string; role: UserRole; regionCode: string; expiresAt: Date };

export type PrincipalKind = Principal['kind'];

/** The administrator key, or a user whose role is ADMIN. */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'admin' || (principal.kind === 'user' && principal.role === 'ADMIN');
}

/** A short description for logs and audit trails; never the token. */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'admin';
    case 'project':
      return `project:${principal.projectCode}`;
    case 'bank':
      return `bank:${principal.bankCode}`;
    case 'user':
      return `user:${principal.username}`;
  }
}
