import { severityRank, type AlertEvidence, type AlertStatus, type Severity } from '@wage/contracts';

export type WorkflowAction = 'acknowledge' | 'assign' | 'resolve' | 'dismiss';

export type WorkflowOutcome = { ok: true; status: AlertStatus } | { ok: false; reason: string };

const CLOSED: readonly AlertStatus[] = ['RESOLVED', 'DISMISSED', 'CLEARED'];

/**
 * OPEN → ACKNOWLEDGED → RESOLVED | DISMISSED (docs/domain.md). An inspector may resolve or dismiss an open alert
 * directly (closing it implies having seen it); assigning keeps the status. A closed alert takes no action.
 */
export function nextStatus(current: AlertStatus, action: WorkflowAction): WorkflowOutcome {
  if (CLOSED.includes(current)) {
    return { ok: false, reason: `the alert is ${current} already; a closed alert cannot be ${PAST[action]}` };
  }
  switch (action) {
    case 'acknowledge':
      return current === 'OPEN'
        ? { ok: true, status: 'ACKNOWLEDGED' }
        : { ok: false, reason: 'the alert is ACKNOWLEDGED already' };
    case 'assign':
      return { ok: true, status: current };
    case 'resolve':
      return { ok: true, status: 'RESOLVED' };
    case 'dismiss':
      return { ok: true, status: 'DISMISSED' };
  }
}

const PAST: Record<WorkflowAction, string> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  resolve: 'resolved',
  dismiss: 'dismissed',
};

/** When the data end the condition: CLEARED, unless a person has closed the alert already. */
export function statusWhenCleared(current: AlertStatus): AlertStatus {
  return current === 'RESOLVED' || current === 'DISMISSED' ? current : 'CLEARED';
}

/** Closed by a person: RESOLVED (handled) or DISMISSED (unfounded), as opposed to CLEARED by the data. */
export type ClosedByPerson = 'RESOLVED' | 'DISMISSED';

export function isClosedByPerson(status: AlertStatus): status is ClosedByPerson {
  return status === 'RESOLVED' || status === 'DISMISSED';
}

/**
 * Whether a raise starts a new cycle of the case: the condition ended since the case was last raised (it was
 * cleared, before or after a person closed it) and came back. Any other raise repeats what the case knows.
 */
export function raiseStartsNewCycle(status: AlertStatus, clearedAt: Date | null): boolean {
  return status === 'CLEARED' || (isClosedByPerson(status) && clearedAt !== null);
}

/**
 * The data still show the condition of a case a person closed (docs/domain.md, alert lifecycle: "not reopened by
 * the same condition persisting"). A resolved case reopens when the severity rose above the one it was resolved
 * at; a dismissed case was unfounded, and stays so whatever the severity.
 */
export function onConditionPersisting(
  status: ClosedByPerson,
  resolvedSeverity: Severity,
  severity: Severity,
): 'REOPEN' | 'STAY_CLOSED' {
  return status === 'RESOLVED' && severityRank(severity) > severityRank(resolvedSeverity)
    ? 'REOPEN'
    : 'STAY_CLOSED';
}

/** The same evidence, whatever the order of its keys (PostgreSQL's jsonb does not keep it). */
export function sameEvidence(a: AlertEvidence, b: AlertEvidence): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
