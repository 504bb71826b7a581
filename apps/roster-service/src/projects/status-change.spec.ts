import { UseCaseError } from '@wage/platform';
import type { ProjectRecord } from './project.repository';
import { planStatusChange } from './status-change';

const project = (overrides: Partial<ProjectRecord> = {}): ProjectRecord => ({
  code: 'XM-1',
  name: 'x',
  regionCode: '350206',
  contractorName: 'c',
  contractorCreditCode: '91350206MA31XM5K8N',
  ownerName: 'o',
  ownerCreditCode: null,
  contractAmountFen: 1,
  startDate: '2026-03-01',
  plannedEndDate: null,
  payday: 15,
  status: 'IN_CONSTRUCTION',
  statusEffectiveDate: '2026-03-01',
  previousStatus: null,
  previousStatusEffectiveDate: null,
  gridCode: null,
  ...overrides,
});
const facts = { today: '2026-12-02', latestReportedMonth: '2026-11', mayCorrectScheduled: true };
/** SUSPENDED from 20 December (scheduled) over IN_CONSTRUCTION since 1 March. */
const scheduled = project({
  status: 'SUSPENDED',
  statusEffectiveDate: '2026-12-20',
  previousStatus: 'IN_CONSTRUCTION',
  previousStatusEffectiveDate: '2026-03-01',
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof UseCaseError ? { details: error.details } : error;
  }
  return undefined;
};

describe('planning a status change', () => {
  it.each([
    // today 2 December: 30 days ahead is 1 January 2027
    ['more than 30 days ahead', project(), 'SUSPENDED', '2027-01-02', 'TOO_FAR_AHEAD'],
    ['before November, whose attendance is in', project(), 'COMPLETED', '2026-10-31', 'BEFORE_REPORTED_DATA'],
    [
      'before the status in force',
      project({ status: 'SUSPENDED', statusEffectiveDate: '2026-06-01' }),
      'IN_CONSTRUCTION',
      '2026-05-31',
      'INVALID_DATE',
    ],
  ])('refuses a change dated %s', (_case, record, status, effectiveDate, code) => {
    const refused = refusal(() =>
      planStatusChange(record, { status: status as ProjectRecord['status'], effectiveDate }, facts),
    );
    expect(refused).toMatchObject({ details: [expect.objectContaining({ code })] });
  });

  it('resumes in construction whatever months were reported', () => {
    const plan = planStatusChange(
      project({ status: 'SUSPENDED', statusEffectiveDate: '2026-06-01', previousStatus: 'IN_CONSTRUCTION' }),
      { status: 'IN_CONSTRUCTION', effectiveDate: '2026-07-01' },
      facts,
    );
    expect(plan).toMatchObject({ changed: true, next: { status: 'IN_CONSTRUCTION' } });
  });

  it.each([
    // cancelled: IN_CONSTRUCTION again from 20 December undoes the scheduled SUSPENDED in the history
    [
      'cancelled',
      { status: 'IN_CONSTRUCTION', effectiveDate: '2026-12-20' },
      { status: 'IN_CONSTRUCTION', statusEffectiveDate: '2026-03-01', previousStatus: null },
      [{ status: 'IN_CONSTRUCTION', previousStatus: 'SUSPENDED', effectiveDate: '2026-12-20' }],
    ],
    // brought forward to 10 December: SUSPENDED from then on, the 20 December entry changes nothing
    [
      'brought forward',
      { status: 'SUSPENDED', effectiveDate: '2026-12-10' },
      { status: 'SUSPENDED', statusEffectiveDate: '2026-12-10', previousStatus: 'IN_CONSTRUCTION' },
      [{ status: 'SUSPENDED', previousStatus: 'IN_CONSTRUCTION', effectiveDate: '2026-12-10' }],
    ],
    // put back to 28 December: in construction again on 20 December, suspended from the 28th
    [
      'put back',
      { status: 'SUSPENDED', effectiveDate: '2026-12-28' },
      { status: 'SUSPENDED', statusEffectiveDate: '2026-12-28', previousStatus: 'IN_CONSTRUCTION' },
      [
        { status: 'IN_CONSTRUCTION', previousStatus: 'SUSPENDED', effectiveDate: '2026-12-20' },
        { status: 'SUSPENDED', previousStatus: 'IN_CONSTRUCTION', effectiveDate: '2026-12-28' },
      ],
    ],
    // replaced by COMPLETED on the same date: one entry on 20 December, later than the scheduled one
    [
      'replaced on its date',
      { status: 'COMPLETED', effectiveDate: '2026-12-20' },
      { status: 'COMPLETED', statusEffectiveDate: '2026-12-20', previousStatus: 'IN_CONSTRUCTION' },
      [{ status: 'COMPLETED', previousStatus: 'SUSPENDED', effectiveDate: '2026-12-20' }],
    ],
  ])('lets an administrator correct a scheduled change: %s', (_case, change, next, events) => {
    const plan = planStatusChange(scheduled, change as never, facts);
    expect(plan).toMatchObject({ changed: true, next, events });
  });

  it('refuses an inspector correcting a scheduled change', () => {
    expect(() =>
      planStatusChange(
        scheduled,
        { status: 'IN_CONSTRUCTION', effectiveDate: '2026-12-20' },
        { ...facts, mayCorrectScheduled: false },
      ),
    ).toThrow(/only an administrator may correct/);
  });
});
