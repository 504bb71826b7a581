import { formatYuan, sumFen } from '../money';
import { type Finding, finding, monthLabel, shareReaches } from './finding';
import type { RuleParameterMap } from './parameters';
import {
  type AccountDebit,
  classifyDebit,
  evidenceTransaction,
  type TransactionMonthInput,
} from './transactions';

/** 专户资金挪用: debits in the month that are not payroll to a worker. RED when one is large or takes a big share. */
export function evaluateFundsDiverted({
  month,
  debits,
  roster,
  parameters,
}: TransactionMonthInput & { parameters: RuleParameterMap['FUNDS_DIVERTED'] }): Finding | null {
  const diverted = debits.filter(
    (debit) => classifyDebit(debit, roster, parameters.feeAllowanceFen) === 'DIVERTED',
  );
  if (diverted.length === 0) return null;
  const isLarge = (debit: AccountDebit) =>
    debit.amountFen >= parameters.redAmountFen ||
    shareReaches(debit.amountFen, debit.balanceBeforeFen, parameters.redBalanceShareBasisPoints);
  const divertedFen = sumFen(diverted.map((debit) => debit.amountFen));
  return finding({
    code: 'FUNDS_DIVERTED',
    severity: diverted.some(isLarge) ? 'RED' : 'ORANGE',
    month,
    title: `${monthLabel(month)} 专户资金挪用：${diverted.length}笔非工资支出共${formatYuan(divertedFen)}元`,
    transactions: diverted.map(evidenceTransaction),
    amounts: { divertedFen },
    parameters,
    facts: { largeSerialNos: diverted.filter(isLarge).map((debit) => debit.serialNo) },
  });
}
