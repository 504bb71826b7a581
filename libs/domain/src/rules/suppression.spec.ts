import type { RuleCode } from './finding';
import { type StatusChange, statusOn, suppression } from './suppression';

// In construction from 1 Jun 2026, suspended (停工) on 15 Sep, resumed 1 Nov, completed (竣工) 20 Dec.
const history: StatusChange[] = [
  { status: 'IN_CONSTRUCTION', effectiveDate: '2026-06-01' },
  { status: 'SUSPENDED', effectiveDate: '2026-09-15' },
  { status: 'IN_CONSTRUCTION', effectiveDate: '2026-11-01' },
  { status: 'COMPLETED', effectiveDate: '2026-12-20' },
];

describe('statusOn', () => {
  it.each([
    ['2026-05-31', null],
    ['2026-06-01', 'IN_CONSTRUCTION'],
    ['2026-09-14', 'IN_CONSTRUCTION'],
    ['2026-09-15', 'SUSPENDED'],
    ['2026-12-20', 'COMPLETED'],
  ])('%s → %s', (date, status) => {
    expect(statusOn(history, date)?.status ?? null).toBe(status);
  });
});

describe('suppression', () => {
  it.each<[string, RuleCode, string | null, string, string | null]>([
    // Suspended mid-September: 1–14 Sep were worked, so September's rules still run
    [
      'suspended mid-month: the month still counts',
      'LABOR_COST_NOT_APPROPRIATED',
      '2026-09',
      '2026-10-20',
      null,
    ],
    ['suspended mid-month: attendance still expected', 'REAL_NAME_GAP', '2026-09', '2026-10-20', null],
    ['suspended mid-month: wages still due', 'WAGE_ARREARS', '2026-09', '2026-10-20', null],
    // October is suspended throughout
    ['a whole month suspended', 'LABOR_COST_NOT_APPROPRIATED', '2026-10', '2026-11-20', 'SUSPENDED'],
    [
      'a whole month suspended: balance watch',
      'ACCOUNT_BALANCE_SHORTFALL',
      '2026-10',
      '2026-11-10',
      'SUSPENDED',
    ],
    ['a whole month suspended: transactions', 'FUNDS_DIVERTED', '2026-10', '2026-10-20', 'SUSPENDED'],
    ['wages already due are never suppressed', 'WAGE_ARREARS', '2026-10', '2026-11-20', null],
    ['underpayment neither', 'WAGE_UNDERPAID', '2026-10', '2026-11-20', null],
    ['nor a missing pay sheet', 'PAY_SHEET_MISSING', '2026-10', '2026-11-20', null],
    // Resumed 1 Nov, completed 20 Dec: December was partly in construction
    ['resumed', 'REAL_NAME_GAP', '2026-11', '2026-12-20', null],
    ['completed mid-month', 'REAL_NAME_GAP', '2026-12', '2027-01-20', null],
    ['after completion', 'REAL_NAME_GAP', '2027-01', '2027-02-20', 'COMPLETED'],
    // Project-wide rules follow the status on the day evaluated
    ['project-wide, in construction', 'DEPOSIT_SHORTFALL', null, '2026-09-14', null],
    ['project-wide, suspended', 'DEPOSIT_SHORTFALL', null, '2026-09-15', 'SUSPENDED'],
    ['project-wide, completed', 'NO_WAGE_ACCOUNT', null, '2026-12-20', 'COMPLETED'],
    ['before any status', 'NO_WAGE_ACCOUNT', null, '2026-05-01', null],
  ])('%s', (_scenario, rule, month, onDate, expected) => {
    const result = suppression(rule, month, history, onDate);
    expect(result.suppressed ? result.status : null).toBe(expected);
  });

  it('says why, for the record', () => {
    expect(suppression('LABOR_COST_NOT_APPROPRIATED', '2026-10', history, '2026-11-20')).toEqual({
      suppressed: true,
      status: 'SUSPENDED',
      since: '2026-09-15',
      reason: '项目自2026-09-15起停工',
    });
    expect(suppression('DEPOSIT_SHORTFALL', null, history, '2027-01-05')).toEqual({
      suppressed: true,
      status: 'COMPLETED',
      since: '2026-12-20',
      reason: '项目已于2026-12-20竣工',
    });
  });
});
