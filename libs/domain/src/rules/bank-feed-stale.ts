import { wageDeadline } from '../deadline';
import { dateInShanghai, type IsoDate, monthOf, monthOfDate, monthRange, nextMonth } from '../month';
import { addWorkingDays } from '../working-days';
import { type Finding, finding } from './finding';
import type { RuleParameterMap } from './parameters';

export interface BankFeedStaleInput {
  projectStartDate: IsoDate;
  payday: number;
  /** Null when the bank never stated completeness: nothing to hold it to. */
  statementThrough: Date | null;
  asOf: Date;
  parameters: RuleParameterMap['BANK_FEED_STALE'];
}

/**
 * 银行流水未按时报送: the bank stated the account complete through an instant, and the first wage deadline after
 * it is more than `bankFeedLagDays` working days past. BLUE; YELLOW after twice the lag. A bank that never stated
 * completeness is not judged (payment rules then wait the lag after each deadline).
 */
export function evaluateBankFeedStale(input: BankFeedStaleInput): Finding | null {
  const { statementThrough, asOf, parameters } = input;
  if (statementThrough === null) return null;
  const today = dateInShanghai(asOf);
  const months = monthRange(monthOfDate(input.projectStartDate), monthOf(asOf));
  const uncovered = months
    .map((m) => ({ month: m, ...wageDeadline(m, { payday: input.payday, graceDays: parameters.graceDays }) }))
    .find((d) => d.deadlineInstant.getTime() > statementThrough.getTime());
  if (uncovered === undefined) return null;
  const staleAfter = addWorkingDays(uncovered.deadline, parameters.bankFeedLagDays);
  if (today <= staleAfter) return null;
  const yellowAfter = addWorkingDays(uncovered.deadline, 2 * parameters.bankFeedLagDays);
  return finding({
    code: 'BANK_FEED_STALE',
    severity: today > yellowAfter ? 'YELLOW' : 'BLUE',
    month: null,
    title: `银行流水未按时报送：专户流水仅报送至${dateInShanghai(statementThrough)}`,
    parameters,
    facts: {
      statementThrough: statementThrough.toISOString(),
      uncoveredDeadline: uncovered.deadline,
      uncoveredMonth: uncovered.month,
      staleAfter,
      yellowAfter,
      nextMonthDeadline: wageDeadline(nextMonth(uncovered.month), {
        payday: input.payday,
        graceDays: parameters.graceDays,
      }).deadline,
    },
  });
}
