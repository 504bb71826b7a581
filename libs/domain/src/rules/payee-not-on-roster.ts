import { sumFen } from '../money';
import { type Finding, finding, monthLabel } from './finding';
import { classifyDebit, evidenceTransaction, type TransactionMonthInput } from './transactions';

/** 代发对象不在实名册: payroll paid to a card and identity that are no registered worker's (ORANGE). */
export function evaluatePayeeNotOnRoster({ month, debits, roster }: TransactionMonthInput): Finding | null {
  const strangers = debits.filter(
    (debit) => debit.kind === 'PAYROLL' && classifyDebit(debit, roster, 0) === 'PAYEE_NOT_ON_ROSTER',
  );
  if (strangers.length === 0) return null;
  return finding({
    code: 'PAYEE_NOT_ON_ROSTER',
    severity: 'ORANGE',
    month,
    title: `${monthLabel(month)} 代发对象不在实名册：${strangers.length}笔`,
    transactions: strangers.map(evidenceTransaction),
    amounts: { paidToUnregisteredFen: sumFen(strangers.map((debit) => debit.amountFen)) },
    parameters: {},
  });
}
