import { ApiError } from '../http/api-error';
import type { UserRole } from '@wage/contracts';

/** Who is calling, resolved from the bearer token (a user's until the token expires). */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'project'; projectCode: string }
  | { kind: 'bank'; bankCode: string }
  | { kind: 'user'; username: string; role: UserRole; regionCode: string; expiresAt: Date }
  /** A worker signed in on the workers' channel: `idHash` is the blind index of their identity number. */
  | { kind: 'worker'; idHash: string; expiresAt: Date };

export type PrincipalKind = Principal['kind'];

/** The administrator key, or a user whose role is ADMIN. */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'admin' || (principal.kind === 'user' && principal.role === 'ADMIN');
}

/**
 * The signed-in worker's own identity (the blind index of their identity number): every endpoint of the workers'
 * channel answers about it and nobody else, whichever service serves it.
 */
export function workerIdentity(principal: Principal): string {
  if (principal.kind !== 'worker')
    throw ApiError.forbidden('this endpoint is for a worker signed in by SMS code');
  return principal.idHash;
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
    case 'worker':
      // A prefix of the blind index: enough to follow one session in the logs, not to look the person up.
      return `worker:${principal.idHash.slice(0, 12)}`;
  }
}
