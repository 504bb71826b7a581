import type { AlertCase, EnforcementCaseLink } from './alert-repository';
import type { HistoryEntry } from './audit-log';

/** An alert as the public API shows it (docs/api.md). */
export interface AlertView {
  id: string;
  code: AlertCase['code'];
  severity: AlertCase['severity'];
  status: AlertCase['status'];
  projectCode: string;
  regionCode: string;
  month: string | null;
  title: string;
  evidence: AlertCase['evidence'];
  raisedAt: string;
  updatedAt: string;
  clearedAt: string | null;
  assignee: string | null;
  /** The enforcement case opened from this alert (立案), with its status and deadline; null while there is none. */
  enforcementCase: EnforcementCaseLink | null;
  history: HistoryEntry[];
}

const iso = (instant: string | null) => (instant === null ? null : new Date(instant).toISOString());

export function toAlertView(alert: AlertCase, history: HistoryEntry[]): AlertView {
  return {
    id: alert.id,
    code: alert.code,
    severity: alert.severity,
    status: alert.status,
    projectCode: alert.projectCode,
    regionCode: alert.regionCode,
    month: alert.month,
    title: alert.title,
    evidence: alert.evidence,
    raisedAt: alert.raisedAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
    clearedAt: alert.clearedAt?.toISOString() ?? null,
    assignee: alert.assignee,
    enforcementCase: alert.enforcementCase
      ? {
          ...alert.enforcementCase,
          openedAt: iso(alert.enforcementCase.openedAt)!,
          closedAt: iso(alert.enforcementCase.closedAt),
        }
      : null,
    history,
  };
}
