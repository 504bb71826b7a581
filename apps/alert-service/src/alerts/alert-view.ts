import type { AlertCase } from './alert-repository';
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
  history: HistoryEntry[];
}

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
    history,
  };
}
