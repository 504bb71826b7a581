import { evaluatePayeeNotOnRoster } from './payee-not-on-roster';
import type { AccountDebit } from './transactions';
import { debit, roster } from './transactions.fixtures';

describe('evaluatePayeeNotOnRoster', () => {
  it.each<[string, AccountDebit[], number | null]>([
    ['all to workers', [debit('S1', 'PAYROLL', 1, { counterpartyAccountHash: 'card-2' })], null],
    [
      'card unregistered but identity matches',
      [debit('S1', 'PAYROLL', 1, { counterpartyAccountHash: 'c', counterpartyIdHash: 'id-1' })],
      null,
    ],
    [
      'two strangers',
      [
        debit('S1', 'PAYROLL', 1, { counterpartyAccountHash: 'x' }),
        debit('S2', 'PAYROLL', 2, { counterpartyAccountHash: 'y' }),
      ],
      2,
    ],
    ['a withdrawal is not payroll', [debit('S1', 'WITHDRAWAL', 1)], null],
  ])('%s', (_scenario, debits, count) => {
    const result = evaluatePayeeNotOnRoster({ month: '2026-09', debits, roster });
    expect(result?.evidence.transactions.length ?? null).toBe(count);
    if (result) expect(result.severity).toBe('ORANGE');
  });
});
