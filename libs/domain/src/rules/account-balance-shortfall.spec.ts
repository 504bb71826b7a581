import { parseInstant } from '../month';
import {
  evaluateAccountBalanceShortfall,
  type AccountBalanceShortfallInput,
} from './account-balance-shortfall';
import { defaultParameters } from './parameters';

const parameters = defaultParameters().ACCOUNT_BALANCE_SHORTFALL;
// September 2026, payday 15 → deadline Sat 17 Oct; watched from 17 − 5 = 12 Oct, 00:00 Shanghai
const base: AccountBalanceShortfallInput = {
  month: '2026-09',
  payday: 15,
  balanceFen: 1_000_000,
  sheetNetPayFen: 3_000_000,
  previousMonthNetPayFen: 2_000_000,
  paidFen: 0,
  asOf: parseInstant('2026-10-14T10:00:00+08:00'),
  parameters,
};

describe('evaluateAccountBalanceShortfall', () => {
  it.each<[string, Partial<AccountBalanceShortfallInput>, string | null, number | null]>([
    ['before the watch starts', { asOf: parseInstant('2026-10-11T23:59:59+08:00') }, null, null],
    // 3,000,000 unpaid − 1,000,000 balance = 2,000,000 short
    ['from the first watched day', { asOf: parseInstant('2026-10-12T00:00:00+08:00') }, 'BLUE', 2_000_000],
    ['balance covers what is unpaid', { balanceFen: 3_000_000 }, null, null],
    // 3,000,000 − 2,500,000 paid = 500,000 unpaid ≤ 1,000,000
    ['partly paid, the rest covered', { paidFen: 2_500_000 }, null, null],
    // no sheet: previous month 2,000,000 − 1,000,000 balance = 1,000,000 short
    ['no sheet yet: the previous month’s net pay', { sheetNetPayFen: null }, 'BLUE', 1_000_000],
    ['nothing to estimate from', { sheetNetPayFen: null, previousMonthNetPayFen: null }, null, null],
    [
      'on the deadline’s last instant',
      { asOf: parseInstant('2026-10-17T23:59:59.999+08:00') },
      'BLUE',
      2_000_000,
    ],
    [
      'after the deadline, still short',
      { asOf: parseInstant('2026-10-18T00:00:00+08:00') },
      'ORANGE',
      2_000_000,
    ],
    [
      'after the deadline, paid',
      { asOf: parseInstant('2026-10-18T00:00:00+08:00'), paidFen: 3_000_000 },
      null,
      null,
    ],
  ])('%s', (_scenario, change, severity, shortfallFen) => {
    const result = evaluateAccountBalanceShortfall({ ...base, ...change });
    expect(result?.severity ?? null).toBe(severity);
    expect(result?.evidence.amounts.shortfallFen ?? null).toBe(shortfallFen);
  });
});
