import { signAccessToken } from '@wage/platform';

/** The header a caller sends: an access token, a project's key or the administrator key. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export type StaffRole = 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';

/** A staff member's access token as alert-service issues it at sign-in (15 minutes unless told otherwise). */
export function staffToken(
  secret: string,
  staff: { sub: string; role?: StaffRole; region: string },
  ttlSeconds = 900,
): string {
  return signAccessToken(
    { sub: staff.sub, role: staff.role ?? 'INSPECTOR', region: staff.region },
    secret,
    ttlSeconds,
  );
}

/**
 * Each backend service and the gateway's variable for its URL, in the order the stack starts them
 * (enforcement-service after alert-service: a case opened from an alert reads it there).
 */
export const BACKEND_URL_VARIABLES = {
  'roster-service': 'ROSTER_SERVICE_URL',
  'wage-account-service': 'WAGE_ACCOUNT_SERVICE_URL',
  'rules-engine': 'RULES_ENGINE_URL',
  'alert-service': 'ALERT_SERVICE_URL',
  'report-service': 'REPORT_SERVICE_URL',
  'enforcement-service': 'ENFORCEMENT_SERVICE_URL',
} as const;
export type BackendName = keyof typeof BACKEND_URL_VARIABLES;
