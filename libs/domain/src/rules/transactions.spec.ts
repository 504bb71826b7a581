import { parseInstant } from '../month';
import { defaultParameters } from './parameters';
import {
  type AccountDebit,
  type CardRegistration,
  classifyDebit,
  evaluateAbnormalPayout,
  evaluateFundsDiverted,
  evaluatePayeeNotOnRoster,
  evaluateSharedBankCard,
  type RosterIndex,
  type WorkerPayout,
} from './transactions';

const roster: RosterIndex = {
  cardHashes: new Set(['card-1', 'card-2']),
  idHashes: new Set(['id-1', 'id-2']),
};
const debit = (
  serialNo: string,
  kind: AccountDebit['kind'],
  amountFen: number,
  more: Partial<AccountDebit> = {},
): AccountDebit => ({
  accountNumber: '35001234567890',
  serialNo,
  occurredAt: parseInstant('2026-09-20T10:00:00+08:00'),
  kind,
  amountFen,
  counterpartyAccountHash: 'company-account',
  balanceBeforeFen: 100_000_000, // ¥1,000,000
  ...more,
});
/** Cash taken at the counter (现金支取): a debit with no counterparty account at all. */
const cashAtCounter = (
  serialNo: string,
  amountFen: number,
  more: Partial<AccountDebit> = {},
): AccountDebit => {
  const { counterpartyAccountHash: _none, ...cash } = debit(serialNo, 'WITHDRAWAL', amountFen, {
    counterpartyName: '现金支取',
    ...more,
  });
  return cash;
};

describe('classifyDebit', () => {
  it.each<[string, Partial<AccountDebit> & Pick<AccountDebit, 'kind' | 'amountFen'>, string]>([
    [
      'payroll to a registered card',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-1' },
      'PAYROLL_TO_WORKER',
    ],
    [
      'a worker paid on a card that is not registered, identity on the roll',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new', counterpartyIdHash: 'id-2' },
      'PAYROLL_TO_WORKER',
    ],
    [
      'a card not registered, no identity',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new' },
      'PAYEE_NOT_ON_ROSTER',
    ],
    [
      'a card not registered, someone else’s identity',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new', counterpartyIdHash: 'id-9' },
      'PAYEE_NOT_ON_ROSTER',
    ],
    ['a withdrawal', { kind: 'WITHDRAWAL', amountFen: 1 }, 'DIVERTED'],
    ['a transfer to a company', { kind: 'TRANSFER', amountFen: 1 }, 'DIVERTED'],
    ['a fee up to ¥500', { kind: 'FEE', amountFen: 50_000 }, 'BANK_FEE'],
    ['a "fee" over ¥500', { kind: 'FEE', amountFen: 50_001 }, 'DIVERTED'],
    // A cash withdrawal has no counterparty account; it is a debit that is not payroll (docs/domain.md).
    [
      'cash at the counter, no counterparty account',
      { kind: 'WITHDRAWAL', amountFen: 1, counterpartyAccountHash: undefined },
      'DIVERTED',
    ],
    [
      'a fee up to ¥500, no counterparty account',
      { kind: 'FEE', amountFen: 50_000, counterpartyAccountHash: undefined },
      'BANK_FEE',
    ],
    [
      'a "fee" over ¥500, no counterparty account',
      { kind: 'FEE', amountFen: 50_001, counterpartyAccountHash: undefined },
      'DIVERTED',
    ],
  ])('%s → %s', (_scenario, tx, expected) => {
    expect(classifyDebit(debit('S', tx.kind, tx.amountFen, tx), roster, 50_000)).toBe(expected);
  });
});

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

describe('evaluateAbnormalPayout', () => {
  const parameters = defaultParameters().ABNORMAL_PAYOUT;
  const payout = (paidInMonthFen: number, paidInYearFen: number): WorkerPayout => ({
    idHash: 'id-1',
    idMasked: '350206********0001',
    paidInMonthFen,
    paidInYearFen,
  });
  it.each<[string, WorkerPayout, boolean]>([
    ['¥50,000 in the month', payout(5_000_000, 5_000_000), false],
    ['¥50,000.01 in the month', payout(5_000_001, 5_000_001), true],
    ['¥300,000 in the year', payout(100_000, 30_000_000), false],
    ['¥300,000.01 in the year', payout(100_000, 30_000_001), true],
  ])('%s → %p', (_scenario, worker, fires) => {
    const result = evaluateAbnormalPayout({ month: '2026-09', workers: [worker], parameters });
    expect(result?.severity ?? null).toBe(fires ? 'YELLOW' : null);
  });
});

describe('evaluateSharedBankCard', () => {
  const registration = (idHash: string, cardHash: string, projectCode: string): CardRegistration => ({
    idHash,
    idMasked: `350206********${idHash.slice(-4)}`,
    cardHash,
    cardMasked: `6222***********${cardHash.slice(-4)}`,
    projectCode,
  });
  it.each<[string, CardRegistration[], number | null]>([
    [
      'one worker per card',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0002', 'P1')],
      null,
    ],
    [
      'one worker, one card on two projects',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0001', 'card-0001', 'P2')],
      null,
    ],
    [
      'two workers on one card, same project',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0001', 'P1')],
      1,
    ],
    [
      'two workers on one card, across projects',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0001', 'P2')],
      1,
    ],
    [
      'shared only on other projects',
      [registration('id-0001', 'card-0001', 'P2'), registration('id-0002', 'card-0001', 'P3')],
      null,
    ],
  ])('%s', (_scenario, registrations, cards) => {
    const result = evaluateSharedBankCard({ projectCode: 'P1', registrations });
    expect((result?.evidence.facts.cards as unknown[] | undefined)?.length ?? null).toBe(cards);
    if (result) expect(result.severity).toBe('ORANGE');
  });
});
