import { parseInstant } from '../month';
import { evaluateFundsDiverted } from './funds-diverted';
import { defaultParameters } from './parameters';
import type { AccountDebit } from './transactions';
import { cashAtCounter, debit, roster } from './transactions.fixtures';

describe('evaluateFundsDiverted', () => {
  const parameters = defaultParameters().FUNDS_DIVERTED;
  it.each<[string, AccountDebit[], string | null]>([
    [
      'only payroll to workers and a small fee',
      [debit('S1', 'PAYROLL', 600_000, { counterpartyAccountHash: 'card-1' }), debit('S2', 'FEE', 500)],
      null,
    ],
    // payroll to a stranger is PAYEE_NOT_ON_ROSTER, not diverted
    ['payroll to a stranger', [debit('S1', 'PAYROLL', 600_000, { counterpartyAccountHash: 'card-x' })], null],
    // ¥49,999.99 < ¥50,000 and 4,999,999 of 100,000,000 = 5% < 20% → ORANGE
    ['a transfer just under ¥50,000', [debit('S1', 'TRANSFER', 4_999_999)], 'ORANGE'],
    ['a transfer of ¥50,000', [debit('S1', 'TRANSFER', 5_000_000)], 'RED'],
    // ¥10,000 of a ¥50,000 balance = 20% → RED; of ¥50,000.05 = 19.99…% → ORANGE
    [
      '20% of the balance before it',
      [debit('S1', 'WITHDRAWAL', 1_000_000, { balanceBeforeFen: 5_000_000 })],
      'RED',
    ],
    ['just under 20%', [debit('S1', 'WITHDRAWAL', 1_000_000, { balanceBeforeFen: 5_000_005 })], 'ORANGE'],
    // one large among small ones raises the month's alert
    ['several, one large', [debit('S1', 'WITHDRAWAL', 100_000), debit('S2', 'TRANSFER', 6_000_000)], 'RED'],
    // ¥10,000 cash of a ¥1,000,000 balance = 1% → ORANGE; ¥50,000 cash → RED
    ['¥10,000 cash at the counter', [cashAtCounter('S1', 1_000_000)], 'ORANGE'],
    ['¥50,000 cash at the counter', [cashAtCounter('S1', 5_000_000)], 'RED'],
    // a fee without counterparty account is the bank's charge, as with one
    [
      'a ¥5 fee without counterparty account',
      [{ ...cashAtCounter('S1', 500), kind: 'FEE', counterpartyName: '账户管理费' }],
      null,
    ],
  ])('%s', (_scenario, debits, expected) => {
    expect(evaluateFundsDiverted({ month: '2026-09', debits, roster, parameters })?.severity ?? null).toBe(
      expected,
    );
  });

  it('lists the transactions as evidence', () => {
    const result = evaluateFundsDiverted({
      month: '2026-09',
      debits: [
        debit('S1', 'WITHDRAWAL', 100_000, { counterpartyName: '某劳务公司' }),
        debit('S2', 'TRANSFER', 6_000_000),
      ],
      roster,
      parameters,
    });
    // 100,000 + 6,000,000 = 6,100,000 fen = ¥61,000.00
    expect(result?.title).toBe('2026年9月 专户资金挪用：2笔非工资支出共61000.00元');
    expect(result?.evidence.amounts).toEqual({ divertedFen: 6_100_000 });
    expect(result?.evidence.transactions.map((tx) => tx.serialNo)).toEqual(['S1', 'S2']);
    expect(result?.evidence.transactions[0]).not.toHaveProperty('counterpartyAccountHash');
    expect(result?.evidence.facts).toEqual({ largeSerialNos: ['S2'] });
  });

  it('shows a cash withdrawal as evidence by its name, without a counterparty account', () => {
    const result = evaluateFundsDiverted({
      month: '2026-09',
      debits: [cashAtCounter('S1', 800_000)],
      roster,
      parameters,
    });
    // 800,000 fen = ¥8,000.00
    expect(result?.title).toBe('2026年9月 专户资金挪用：1笔非工资支出共8000.00元');
    expect(result?.evidence.transactions).toEqual([
      {
        accountNumber: '35001234567890',
        serialNo: 'S1',
        occurredAt: parseInstant('2026-09-20T10:00:00+08:00'),
        kind: 'WITHDRAWAL',
        amountFen: 800_000,
        counterpartyName: '现金支取',
      },
    ]);
  });
});
