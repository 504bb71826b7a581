import { MAX_AMOUNT_FEN } from '@wage/domain';
import {
  amountInForce,
  depositBalanceOn,
  movementProblem,
  type DepositMovement,
  type DepositTerms,
} from './deposit-in-force';

const cash: DepositTerms = { form: 'CASH', amountFen: 100_000_00, effectiveOn: '2026-03-01' };
const guarantee: DepositTerms = {
  form: 'GUARANTEE',
  amountFen: 50_000_00,
  effectiveOn: '2026-03-01',
  expiresOn: '2026-09-01',
};
const move = (kind: DepositMovement['kind'], yuan: number, occurredAt: string): DepositMovement => ({
  kind,
  amountFen: yuan * 100,
  occurredAt: new Date(occurredAt),
});
const cashMovements = [
  move('DRAWDOWN', 30_000, '2026-04-10T10:00:00+08:00'),
  move('TOPUP', 30_000, '2026-04-20T10:00:00+08:00'),
  // 00:30 on 1 June in Shanghai is still 31 May in UTC: the Shanghai date counts.
  move('RELEASE', 100_000, '2026-05-31T16:30:00Z'),
];

describe('amount of a deposit in force on a date', () => {
  it.each([
    ['cash before it takes effect', cash, cashMovements, '2026-02-28', 0],
    ['cash on its effective date', cash, cashMovements, '2026-03-01', 100_000_00],
    // 100,000 − 30,000
    ['cash after a drawdown', cash, cashMovements, '2026-04-10', 70_000_00],
    // 100,000 − 30,000 + 30,000
    ['cash after the top-up', cash, cashMovements, '2026-04-20', 100_000_00],
    ['cash the day before release', cash, cashMovements, '2026-05-31', 100_000_00],
    // released in full at 00:30 Shanghai time on 1 June
    ['cash once released', cash, cashMovements, '2026-06-01', 0],
    ['a guarantee letter in force', guarantee, [], '2026-03-01', 50_000_00],
    ['a guarantee letter on its expiry date (its last valid day)', guarantee, [], '2026-09-01', 50_000_00],
    ['a guarantee letter the day after it expires', guarantee, [], '2026-09-02', 0],
    // 50,000 − 20,000 drawn under the letter
    [
      'a guarantee letter partly drawn',
      guarantee,
      [move('DRAWDOWN', 20_000, '2026-05-01T09:00:00+08:00')],
      '2026-05-02',
      30_000_00,
    ],
  ])('%s', (_case, deposit, movements, date, expectedFen) => {
    expect(amountInForce(deposit, movements, date)).toBe(expectedFen);
  });

  it('keeps the balance of an expired letter apart from what is in force', () => {
    expect(depositBalanceOn(guarantee, [], '2026-09-01')).toBe(50_000_00);
  });
});

describe('whether a movement can be recorded', () => {
  it.each([
    [
      'a drawdown within the balance',
      cash,
      [],
      move('DRAWDOWN', 100_000, '2026-04-01T10:00:00+08:00'),
      undefined,
    ],
    [
      'a drawdown beyond the balance',
      cash,
      [],
      move('DRAWDOWN', 100_001, '2026-04-01T10:00:00+08:00'),
      'below zero',
    ],
    // 100,000 − 60,000 on 10 April; a release of 50,000 dated 5 April leaves 50,000, then the drawdown goes to −10,000
    [
      'a release dated before an earlier-recorded drawdown',
      cash,
      [move('DRAWDOWN', 60_000, '2026-04-10T10:00:00+08:00')],
      move('RELEASE', 50_000, '2026-04-05T10:00:00+08:00'),
      'below zero',
    ],
    [
      'a top-up before the deposit takes effect',
      cash,
      [],
      move('TOPUP', 1, '2026-02-28T10:00:00+08:00'),
      'takes effect on 2026-03-01',
    ],
    [
      'a drawdown under an expired letter',
      guarantee,
      [],
      move('DRAWDOWN', 1, '2026-09-02T10:00:00+08:00'),
      'expired after 2026-09-01',
    ],
    // 1000亿元 − 100,000 held; a top-up of 100,000 reaches 1000亿元 exactly (accepted), 100,000.01 passes it
    [
      'a top-up to the largest amount',
      { ...cash, amountFen: MAX_AMOUNT_FEN - 100_000_00 },
      [],
      move('TOPUP', 100_000, '2026-04-01T10:00:00+08:00'),
      undefined,
    ],
    [
      'a top-up beyond the largest amount',
      { ...cash, amountFen: MAX_AMOUNT_FEN - 100_000_00 },
      [],
      { ...move('TOPUP', 100_000, '2026-04-01T10:00:00+08:00'), amountFen: 100_000_01 },
      '超过 100000000000.00 元的上限',
    ],
  ])('%s', (_case, deposit, movements, movement, expected) => {
    const problem = movementProblem(deposit, movements, movement);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem?.message).toContain(expected);
  });
});
