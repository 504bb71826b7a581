import { ESCALATE_AFTER_HOURS } from '../notifications/routing';
import type { AlertCase, EnforcementCaseLink } from './alert.repository';
import type { HistoryEntry } from './audit-log.repository';

/** An alert as the public API shows it (docs/api.md). */
export interface AlertView {
  id: string;
  code: AlertCase['code'];
  severity: AlertCase['severity'];
  status: AlertCase['status'];
  projectCode: string;
  regionCode: string;
  /** The project's grid (街道/乡镇 or 社区/村), when it is placed in one. */
  gridCode?: string;
  month: string | null;
  title: string;
  evidence: AlertCase['evidence'];
  raisedAt: string;
  updatedAt: string;
  clearedAt: string | null;
  assignee: string | null;
  /**
   * While the alert waits to be acknowledged at a severity that escalates: when it goes to the leaders above
   * (`dueAt`, `hours` after it reached this severity) and whether it already has. Null otherwise.
   */
  escalation: { hours: number; dueAt: string; escalated: boolean } | null;
  /** The enforcement case opened from this alert (立案), with its status and deadline; null while there is none. */
  enforcementCase: EnforcementCaseLink | null;
  /** The project's contractor (施工总承包单位) by credit code, the employer whose record the alert concerns. */
  employerCreditCode: string | null;
  history: HistoryEntry[];
}

const iso = (instant: string | null) => (instant === null ? null : new Date(instant).toISOString());

function escalationOf(alert: AlertCase): AlertView['escalation'] {
  const hours = ESCALATE_AFTER_HOURS[alert.severity];
  if (alert.status !== 'OPEN' || hours === undefined) return null;
  return {
    hours,
    dueAt: new Date(alert.severitySince.getTime() + hours * 3_600_000).toISOString(),
    escalated: alert.escalatedSeverity === alert.severity,
  };
}

export function toAlertView(alert: AlertCase, history: HistoryEntry[]): AlertView {
  return {
    id: alert.id,
    code: alert.code,
    severity: alert.severity,
    status: alert.status,
    projectCode: alert.projectCode,
    regionCode: alert.regionCode,
    gridCode: alert.gridCode ?? undefined,
    month: alert.month,
    title: alert.title,
    evidence: alert.evidence,
    raisedAt: alert.raisedAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
    clearedAt: alert.clearedAt?.toISOString() ?? null,
    assignee: alert.assignee,
    escalation: escalationOf(alert),
    enforcementCase: alert.enforcementCase
      ? {
          ...alert.enforcementCase,
          openedAt: iso(alert.enforcementCase.openedAt)!,
          closedAt: iso(alert.enforcementCase.closedAt),
        }
      : null,
    employerCreditCode: alert.employerCreditCode ?? null,
    history,
  };
}
