import type { AlertCode, AlertEvidence } from '@wage/contracts';
import { amountOutstandingFen } from './amount-outstanding';

const evidence = (amounts: Record<string, number>): AlertEvidence => ({
  workersAffected: 0,
  workers: [],
  amounts,
  transactions: [],
  parameters: {},
  facts: {},
});

describe('amountOutstandingFen', () => {
  it.each<[AlertCode, Record<string, number>, number]>([
    // 3 workers unpaid, their sheet net pay ¥4,500.00 each: ¥13,500.00 owed
    ['WAGE_ARREARS', { netPayDueFen: 1_350_000 }, 1_350_000],
    // unpaid workers without a sheet line have no known amount
    ['WAGE_ARREARS', {}, 0],
    // sheet ¥10,000.00, paid ¥7,000.00: the shortfall ¥3,000.00 is owed, not the sheet total
    ['WAGE_UNDERPAID', { netPayDueFen: 1_000_000, paidFen: 700_000, shortfallFen: 300_000 }, 300_000],
    // a deposit shortfall is a guarantee missing, not wages owed
    ['DEPOSIT_SHORTFALL', { requiredDepositFen: 5_000_000, shortfallFen: 2_000_000 }, 0],
    ['ACCOUNT_BALANCE_SHORTFALL', { unpaidFen: 900_000, shortfallFen: 400_000 }, 0],
    ['FUNDS_DIVERTED', { divertedFen: 6_000_000 }, 0],
  ])('%s %j owes %i fen', (code, amounts, owed) => {
    expect(amountOutstandingFen(code, evidence(amounts))).toBe(owed);
  });
});
