import { type Fen, formatYuan } from '../money';
import { addCalendarDays, compareDates, dateInShanghai, daysBetween, type IsoDate } from '../month';
import { addWorkingDays } from '../working-days';
import type { DepositParameters, RequiredDeposit } from './deposit';
import { type Finding, finding } from './finding';

export interface DepositShortfallInput {
  projectStartDate: IsoDate;
  required: RequiredDeposit;
  /** The requirement as it would be without the contractor's arrears (the same as `required` when none). */
  requiredBeforeArrears?: RequiredDeposit;
  /** The day of the arrears that raised the requirement, and the alerts counted. */
  arrearsOn?: IsoDate | null;
  arrearsCounted?: readonly string[];
  inForceFen: Fen;
  /** The day of the latest drawdown (动用), if any. */
  lastDrawdownOn: IsoDate | null;
  asOf: Date;
  parameters: DepositParameters;
}

/**
 * 保证金不足: the deposit in force is below the required amount once the time to store it has passed — 20
 * working days after the start, or 10 working days after the latest drawdown when that is later. ORANGE, RED
 * once more than `redAfterDays` calendar days have passed since that due date. The clock restarts at a
 * drawdown's due date: a deposit short before and after a drawdown is measured from the later date.
 */
export function evaluateDepositShortfall(input: DepositShortfallInput): Finding | null {
  const { required, inForceFen, parameters } = input;
  if (required.exempt || inForceFen >= required.requiredFen) return null;
  const today = dateInShanghai(input.asOf);
  const storeBy = addWorkingDays(input.projectStartDate, parameters.depositWorkingDays);
  const topUpBy =
    input.lastDrawdownOn === null ? null : addWorkingDays(input.lastDrawdownOn, parameters.topUpWorkingDays);
  let dueDate = topUpBy !== null && compareDates(topUpBy, storeBy) > 0 ? topUpBy : storeBy;
  let dueBecause = dueDate === storeBy ? 'PROJECT_START' : 'DRAWDOWN_NOT_TOPPED_UP';
  // A requirement raised by arrears: the part the arrears added is due `topUpWorkingDays` after them.
  const before = input.requiredBeforeArrears;
  const arrearsOn = input.arrearsOn ?? null;
  if (
    before !== undefined &&
    arrearsOn !== null &&
    required.requiredFen > before.requiredFen &&
    inForceFen >= before.requiredFen
  ) {
    const raisedBy = addWorkingDays(arrearsOn, parameters.topUpWorkingDays);
    if (compareDates(raisedBy, dueDate) > 0) {
      dueDate = raisedBy;
      dueBecause = 'RAISED_AFTER_ARREARS';
    }
  }
  if (compareDates(today, dueDate) <= 0) return null;
  const daysLate = daysBetween(dueDate, today);
  const shortfallFen = required.requiredFen - inForceFen;
  return finding({
    code: 'DEPOSIT_SHORTFALL',
    severity: daysLate > parameters.redAfterDays ? 'RED' : 'ORANGE',
    month: null,
    title: `保证金不足：应存${formatYuan(required.requiredFen)}元，在存${formatYuan(inForceFen)}元`,
    amounts: { requiredDepositFen: required.requiredFen, depositInForceFen: inForceFen, shortfallFen },
    parameters,
    facts: {
      dueDate,
      dueBecause,
      ...(input.arrearsCounted !== undefined &&
        input.arrearsCounted.length > 0 && {
          arrearsCounted: [...input.arrearsCounted],
          lastArrearsOn: arrearsOn,
        }),
      daysLate,
      redFrom: addCalendarDays(dueDate, parameters.redAfterDays + 1),
      rateBasisPoints: required.rateBasisPoints,
      adjustment: required.adjustment,
      capped: required.capped,
      reason: required.reason,
      reasonText: required.reasonText,
      ...(required.grade && { grade: required.grade.grade, gradeYear: required.grade.year }),
    },
  });
}
