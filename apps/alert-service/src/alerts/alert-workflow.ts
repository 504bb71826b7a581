import type { AlertStatus } from '@wage/contracts';

export type WorkflowAction = 'acknowledge' | 'assign' | 'resolve' | 'dismiss';

export type WorkflowOutcome = { ok: true; status: AlertStatus } | { ok: false; reason: string };

const CLOSED: readonly AlertStatus[] = ['RESOLVED', 'DISMISSED', 'CLEARED'];

/**
 * OPEN → ACKNOWLEDGED → RESOLVED | DISMISSED (DOMAIN.md). An inspector may resolve or dismiss an open alert
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
