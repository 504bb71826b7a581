export const SERVICE_NAMES = [
  'roster-service',
  'wage-account-service',
  'rules-engine',
  'alert-service',
  'report-service',
  'enforcement-service',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const API_PREFIX = '/api/v1';

/**
 * The first path segment after /api/v1 names the service that owns it (docs/architecture.md, public HTTP API); a
 * two-segment key ('worker/clues') claims a sub-path of a prefix for another service.
 */
export const ROUTES: Readonly<Record<string, ServiceName>> = {
  projects: 'roster-service',
  // The workers' own channel: sign-in, their months and confirmations (docs/architecture.md, workers' channel).
  worker: 'roster-service',
  // ...except a worker's arrears clues (欠薪线索), which are complaints: casework owns them.
  'worker/clues': 'enforcement-service',
  banks: 'wage-account-service',
  'wage-accounts': 'wage-account-service',
  deposits: 'wage-account-service',
  evaluations: 'rules-engine',
  rules: 'rules-engine',
  calendar: 'rules-engine',
  auth: 'alert-service',
  users: 'alert-service',
  alerts: 'alert-service',
  notifications: 'alert-service',
  coverage: 'report-service',
  arrears: 'report-service',
  complaints: 'enforcement-service',
  cases: 'enforcement-service',
  enforcement: 'enforcement-service',
  employers: 'enforcement-service',
  gradings: 'enforcement-service',
  blacklist: 'enforcement-service',
  visits: 'enforcement-service',
  'visit-plans': 'enforcement-service',
  grids: 'enforcement-service',
  verifications: 'enforcement-service',
};

/**
 * The service that serves a request path (query string allowed), or null when no service does. Matching is by
 * whole segment, so /api/v1/projectsX is not /api/v1/projects.
 */
export function serviceFor(path: string): ServiceName | null {
  const pathname = path.split('?', 1)[0];
  if (!pathname.startsWith(`${API_PREFIX}/`)) return null;
  const [first, second] = pathname.slice(API_PREFIX.length + 1).split('/', 2);
  const pair = `${first}/${second}`;
  if (second !== undefined && Object.hasOwn(ROUTES, pair)) return ROUTES[pair];
  return Object.hasOwn(ROUTES, first) ? ROUTES[first] : null;
}
