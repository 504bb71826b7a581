import type { EntityManager } from 'typeorm';
import { formatYuan } from '@wage/domain';
import type { WageAccountRepository } from './wage-account.repository';

/** A problem in what the bank reported, shown on the account: the data are kept as the bank gave them. */
export interface DataQualityProblem {
  code: 'BALANCE_BELOW_ZERO';
  message: string;
  since: string;
  lowestBalance: string;
}

/**
 * A dedicated account cannot pay out more than it holds, so a running balance below zero means the bank's feed has
 * a gap (a credit not reported, or reported with a wrong date). What the bank says is accepted; the gap is flagged.
 */
export async function accountDataQuality(
  accounts: WageAccountRepository,
  accountNumber: string,
  manager?: EntityManager,
): Promise<DataQualityProblem[]> {
  const below = await accounts.belowZero(accountNumber, manager);
  if (!below) return [];
  return [
    {
      code: 'BALANCE_BELOW_ZERO',
      message:
        `the balance went below zero at ${below.since.toISOString()} (lowest ${formatYuan(below.lowestFen)}): ` +
        'the bank feed is missing a credit or has a wrong date; ask the bank to resend the statement',
      since: below.since.toISOString(),
      lowestBalance: formatYuan(below.lowestFen),
    },
  ];
}
