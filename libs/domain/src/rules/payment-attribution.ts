import type { Fen } from '../money';
import { type Month, monthOf } from '../month';

/** A payroll payment from the dedicated account that belongs to the worker (card or identity on the roll). */
export interface PayrollPayment {
  serialNo: string;
  amountFen: Fen;
  occurredAt: Date;
  /** 代发工资所属月份, when the bank's record names it. */
  payrollMonth?: Month;
}

/** A month the worker worked or was on the pay sheet; `netPayFen` is null when no sheet names them. */
export interface MonthWorked {
  month: Month;
  netPayFen: Fen | null;
}

export interface MonthAttribution {
  month: Month;
  /** Null when no pay sheet names the worker for the month (or the month was not worked at all). */
  netPayFen: Fen | null;
  paidFen: Fen;
  /** The part of `paidFen` that arrived by the month's deadline; 0 when no deadline was given. */
  paidByDeadlineFen: Fen;
  /** Serial numbers, in the order the payments were made. */
  payments: string[];
  lastPaidAt: Date | null;
}

export interface AttributionResult {
  /** One entry per month worked and per month a payment names, in month order. */
  months: MonthAttribution[];
  /** Payments without `payrollMonth` made before any month worked: they pay nothing the rules know of. */
  unattributed: PayrollPayment[];
}

export interface AttributionOptions {
  /** The instant by which each month's wages are due (the wage deadline's `deadlineInstant`). */
  deadlines?: Readonly<Record<Month, Date>>;
  /** Payments made after this instant are ignored, so that an evaluation as of an instant is reproducible. */
  asOf?: Date;
}

/**
 * Which month each of one worker's payments pays (docs/domain.md, alerts). A payment counts for its
 * `payrollMonth`; without one, for the earliest month, up to the payment's own month in Shanghai, for which the
 * worker was still owed pay when it was made. A month with a sheet is owed until its net pay is reached; a month
 * without one until any payment arrives for it. A payment is never split: when it is more than the earliest
 * month's balance the excess stays with that month. When nothing is owed it counts for the latest month worked up
 * to its own month, as an overpayment.
 */
export function attributePayments(
  monthsWorked: readonly MonthWorked[],
  payments: readonly PayrollPayment[],
  { deadlines = {}, asOf }: AttributionOptions = {},
): AttributionResult {
  const byMonth = new Map<Month, MonthAttribution>();
  const entry = (month: Month, netPayFen: Fen | null = null): MonthAttribution => {
    let found = byMonth.get(month);
    if (!found) {
      found = { month, netPayFen, paidFen: 0, paidByDeadlineFen: 0, payments: [], lastPaidAt: null };
      byMonth.set(month, found);
    }
    return found;
  };
  for (const { month, netPayFen } of monthsWorked) entry(month, netPayFen);
  const worked = [...byMonth.keys()].sort();

  const unattributed: PayrollPayment[] = [];
  const ordered = payments
    .filter((payment) => asOf === undefined || payment.occurredAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.serialNo.localeCompare(b.serialNo));
  for (const payment of ordered) {
    const month = payment.payrollMonth ?? monthByDate(payment, worked, byMonth);
    if (month === null) {
      unattributed.push(payment);
      continue;
    }
    const target = entry(month);
    target.paidFen += payment.amountFen;
    target.payments.push(payment.serialNo);
    target.lastPaidAt = payment.occurredAt;
    const deadline = deadlines[month];
    if (deadline !== undefined && payment.occurredAt.getTime() <= deadline.getTime()) {
      target.paidByDeadlineFen += payment.amountFen;
    }
  }
  return {
    months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    unattributed,
  };
}

function monthByDate(
  payment: PayrollPayment,
  worked: readonly Month[],
  byMonth: ReadonlyMap<Month, MonthAttribution>,
): Month | null {
  const paymentMonth = monthOf(payment.occurredAt);
  const candidates = worked.filter((month) => month <= paymentMonth);
  if (candidates.length === 0) return null;
  const owed = candidates.find((month) => isOwed(byMonth.get(month)!));
  return owed ?? candidates[candidates.length - 1];
}

function isOwed({ netPayFen, paidFen }: MonthAttribution): boolean {
  return netPayFen === null ? paidFen === 0 : paidFen < netPayFen;
}
