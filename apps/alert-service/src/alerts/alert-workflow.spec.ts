import type { AlertEvidence, AlertStatus, Severity } from '@wage/contracts';
import {
  nextStatus,
  onConditionPersisting,
  raiseStartsNewCycle,
  sameEvidence,
  statusWhenCleared,
  type ClosedByPerson,
  type WorkflowAction,
} from './alert-workflow';

describe('alert workflow', () => {
  it.each<[AlertStatus, WorkflowAction, AlertStatus | 'refused']>([
    ['OPEN', 'acknowledge', 'ACKNOWLEDGED'],
    ['ACKNOWLEDGED', 'acknowledge', 'refused'],
    ['OPEN', 'assign', 'OPEN'],
    ['ACKNOWLEDGED', 'assign', 'ACKNOWLEDGED'],
    ['OPEN', 'resolve', 'RESOLVED'],
    ['ACKNOWLEDGED', 'resolve', 'RESOLVED'],
    ['ACKNOWLEDGED', 'dismiss', 'DISMISSED'],
    ['RESOLVED', 'dismiss', 'refused'],
    ['DISMISSED', 'resolve', 'refused'],
    ['CLEARED', 'acknowledge', 'refused'],
    ['CLEARED', 'assign', 'refused'],
  ])('%s + %s → %s', (current, action, expected) => {
    const outcome = nextStatus(current, action);
    expect(outcome.ok ? outcome.status : 'refused').toBe(expected);
  });

  it.each<[AlertStatus, AlertStatus]>([
    ['OPEN', 'CLEARED'],
    ['ACKNOWLEDGED', 'CLEARED'],
    ['RESOLVED', 'RESOLVED'],
    ['DISMISSED', 'DISMISSED'],
    ['CLEARED', 'CLEARED'],
  ])('cleared while %s → %s', (current, expected) => {
    expect(statusWhenCleared(current)).toBe(expected);
  });

  // Resolved at ORANGE: the same or a lower severity is the condition persisting, only RED is a rise.
  it.each<[ClosedByPerson, Severity, Severity, 'REOPEN' | 'STAY_CLOSED']>([
    ['RESOLVED', 'ORANGE', 'ORANGE', 'STAY_CLOSED'],
    ['RESOLVED', 'ORANGE', 'YELLOW', 'STAY_CLOSED'],
    ['RESOLVED', 'ORANGE', 'RED', 'REOPEN'],
    ['RESOLVED', 'BLUE', 'YELLOW', 'REOPEN'],
    // Unfounded whatever the severity.
    ['DISMISSED', 'ORANGE', 'RED', 'STAY_CLOSED'],
    ['DISMISSED', 'BLUE', 'BLUE', 'STAY_CLOSED'],
  ])('%s at %s, the data now at %s → %s', (status, resolvedSeverity, severity, expected) => {
    expect(onConditionPersisting(status, resolvedSeverity, severity)).toBe(expected);
  });

  const clearedAt = new Date('2026-11-20T02:00:00Z');
  it.each<[AlertStatus, Date | null, boolean]>([
    ['CLEARED', clearedAt, true],
    // Cleared after a person closed it: the condition ended, and a raise is a new occurrence.
    ['RESOLVED', clearedAt, true],
    ['DISMISSED', clearedAt, true],
    // Never cleared since: the raise repeats what the case knows.
    ['RESOLVED', null, false],
    ['DISMISSED', null, false],
    ['OPEN', null, false],
    ['ACKNOWLEDGED', null, false],
  ])('a raise on a %s case cleared at %s starts a new cycle: %s', (status, cleared, expected) => {
    expect(raiseStartsNewCycle(status, cleared)).toBe(expected);
  });

  it('compares evidence whatever the order of its keys', () => {
    const evidence: AlertEvidence = {
      workersAffected: 2,
      workers: [],
      amounts: { netPayDueFen: 100, paidFen: 0 },
      transactions: [],
      parameters: { graceDays: 2 },
      facts: { deadline: '2026-11-16', daysOverdue: 3 },
    };
    const reordered = JSON.parse(
      '{"facts":{"daysOverdue":3,"deadline":"2026-11-16"},"workers":[],"amounts":{"paidFen":0,"netPayDueFen":100},' +
        '"parameters":{"graceDays":2},"transactions":[],"workersAffected":2}',
    );
    expect(sameEvidence(evidence, reordered)).toBe(true);
    expect(sameEvidence(evidence, { ...evidence, facts: { ...evidence.facts, daysOverdue: 4 } })).toBe(false);
  });
});
