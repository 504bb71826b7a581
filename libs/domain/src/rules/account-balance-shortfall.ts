import { wageDeadline } from '../deadline';
import type { Fen } from '../money';
import { addCalendarDays, type Month, startOfDayShanghai } from '../month';
import { type Finding, finding, monthLabel } from './finding';
import type { RuleParameterMap } from './parameters';

export type AccountBalanceShortfallParameters = RuleParameterMap['ACCOUNT_BALANCE_SHORTFALL'];

export interface AccountBalanceShortfallInput {
  month: Month;
  payday: number;
  /** The dedicated account's balance at `asOf`. */
  balanceFen: Fen;
  /** The month's pay sheet total net pay; null when no sheet yet. */
  sheetNetPayFen: Fen | null;
  /** The previous month's sheet total, the estimate while the month has no sheet; null if none either. */
  previousMonthNetPayFen: Fen | null;
  /** Payroll already attributed to the month. */
  paidFen: Fen;
  asOf: Date;
  parameters: AccountBalanceShortfallParameters;
}

/**
 * 专户余额不足: from `shortfallLookaheadDays` before the month's wage deadline, the balance is below the net pay
 * still unpaid for the month. BLUE up to the deadline, ORANGE after it while still short.
 */
export function evaluateAccountBalanceShortfall(input: AccountBalanceShortfallInput): Finding | null {
  const { month, parameters } = input;
  const deadline = wageDeadline(month, { payday: input.payday, graceDays: parameters.graceDays });
  const watchFrom = addCalendarDays(deadline.deadline, -parameters.shortfallLookaheadDays);
  if (input.asOf.getTime() < startOfDayShanghai(watchFrom).getTime()) return null;
  const netPayFen = input.sheetNetPayFen ?? input.previousMonthNetPayFen;
  if (netPayFen === null) return null;
  const unpaidFen = Math.max(0, netPayFen - input.paidFen);
  if (input.balanceFen >= unpaidFen) return null;
  const afterDeadline = input.asOf.getTime() > deadline.deadlineInstant.getTime();
  return finding({
    code: 'ACCOUNT_BALANCE_SHORTFALL',
    severity: afterDeadline ? 'ORANGE' : 'BLUE',
    month,
    title: `${monthLabel(month)} 专户余额不足以支付工资`,
    amounts: {
      balanceFen: input.balanceFen,
      netPayFen,
      paidFen: input.paidFen,
      unpaidFen,
      shortfallFen: unpaidFen - input.balanceFen,
    },
    parameters,
    facts: {
      netPayBasis: input.sheetNetPayFen === null ? 'PREVIOUS_MONTH_PAY_SHEET' : 'PAY_SHEET',
      watchFrom,
      deadline: deadline.deadline,
      afterDeadline,
    },
  });
}
