// The root typecheck reads this file without JSX, so it names the fields it needs rather than importing api.tsx.
interface Alert {
  id: string;
  code: string;
  severity: string;
  projectCode: string;
  month: string | null;
}
interface Verification {
  subject: 'ALERT' | 'COMPLAINT';
  alertKey?: string | null;
  complaintId?: string | null;
  severity?: string | null;
  projectCode?: string | null;
  dueBy: string;
  status: string;
}

// The grid pages' rules that need no screen: the alert key that joins alerts to verification requests, what waits
// to be verified and in which order, a photo's real type from its bytes, a month's first and last day.

/** An alert's key as every service computes it (libs/contracts alertKey): code:project[:month]. */
export function alertKeyOf(alert: Pick<Alert, 'code' | 'projectCode' | 'month'>): string {
  return alert.month
    ? `${alert.code}:${alert.projectCode}:${alert.month}`
    : `${alert.code}:${alert.projectCode}`;
}

/** The photo's real type from its first bytes: JPEG, PNG or WebP, or null for anything else. */
export function sniffImageType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** One thing to verify: an open alert of the grid (with its request, if one was made) or a requested complaint. */
export interface ToVerify<A extends Alert = Alert, V extends Verification = Verification> {
  key: string;
  alert?: A;
  request?: V;
  complaintId?: string;
  projectCode: string | null;
}

export const PENDING = new Set(['OPEN', 'ESCALATED']);
const SEVERITY_ORDER = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];

/** The grid's open alerts joined to the open verification requests by alertKey; requested complaints after. */
export function toVerify<A extends Alert, V extends Verification>(
  alerts: A[],
  requests: V[],
): ToVerify<A, V>[] {
  const pending = requests.filter((r) => PENDING.has(r.status));
  const byKey = new Map(pending.filter((r) => r.alertKey).map((r) => [r.alertKey!, r]));
  const items: ToVerify<A, V>[] = alerts.map((alert) => ({
    key: `alert:${alert.id}`,
    alert,
    request: byKey.get(alertKeyOf(alert)),
    projectCode: alert.projectCode,
  }));
  for (const r of pending)
    if (r.subject === 'COMPLAINT' && r.complaintId)
      items.push({
        key: `complaint:${r.complaintId}`,
        request: r,
        complaintId: r.complaintId,
        projectCode: r.projectCode ?? null,
      });
  const rank = (item: ToVerify) =>
    SEVERITY_ORDER.indexOf(item.alert?.severity ?? item.request?.severity ?? 'BLUE');
  return items.sort(
    (a, b) =>
      Number(!a.request) - Number(!b.request) ||
      (a.request?.dueBy ?? '').localeCompare(b.request?.dueBy ?? '') ||
      rank(a) - rank(b),
  );
}

export const isOverdue = (request: Verification | undefined, today: string) =>
  !!request && (request.status === 'ESCALATED' || request.dueBy < today);

/** The first and last day of a month (YYYY-MM), for a list of that month's visits. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
