import type { AlertStatus } from '@wage/contracts';
import { nextStatus, statusWhenCleared, type WorkflowAction } from './alert-workflow';

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
});
