import type { Fen } from '../money';
import { dateInShanghai, daysBetween, endOfDayShanghai, type IsoDate, type Month } from '../month';
import { type EvidenceWorker, type Finding, finding, monthLabel, type RuleCode } from './finding';
import type { ParameterSource } from './parameters';
import type { Suppression } from './suppression';

/** The rules whose findings show wages unpaid: what an order to pay wages (责令支付) ordered ended. */
export const WAGE_VIOLATIONS: readonly RuleCode[] = ['WAGE_ARREARS', 'WAGE_UNDERPAID'];

/**
 * A rectification order (限期改正指令书) about one project-month, as enforcement-service published it: its deadline
 * and the rules whose findings are the violation it ordered ended.
 */
export interface RectificationOrder {
  caseId: string;
  actionId: string;
  documentNo: string | null;
  deadline: IsoDate;
  violations: readonly RuleCode[];
  /** An order to pay wages: RED when unheeded. */
  ordersPayment: boolean;
  amountFen: Fen | null;
  orderedAt: Date;
}

/** What the other rules of the same project-month found, as the verdicts of the evaluation. */
export interface ViolationVerdict {
  code: RuleCode;
  finding: Finding | null;
  suppression: Suppression;
  withheld?: string;
}

/** An order whose deadline has passed by `asOf` (the whole deadline day is the employer's). */
export function orderDeadlinePassed(order: Pick<RectificationOrder, 'deadline'>, asOf: Date): boolean {
  return asOf.getTime() > endOfDayShanghai(order.deadline).getTime();
}

/**
 * 逾期未整改: a rectification order about the month whose deadline has passed while the month's data still show a
 * violation it ordered ended (the wages are still unpaid). ORANGE; RED when an order to pay wages is unheeded. The
 * data ending the violation (the payment arriving) clears it. Orders recorded after `asOf` do not count yet.
 */
export function evaluateRectificationOverdue({
  month,
  orders,
  found,
  asOf,
}: {
  month: Month;
  orders: readonly RectificationOrder[];
  /** The month's findings by rule code (findings still withheld or suppressed are left out by the caller). */
  found: ReadonlyMap<RuleCode, Finding>;
  asOf: Date;
}): Finding | null {
  const today = dateInShanghai(asOf);
  const overdue = orders
    .filter((o) => o.orderedAt.getTime() <= asOf.getTime() && orderDeadlinePassed(o, asOf))
    .map((o) => ({ order: o, still: o.violations.filter((code) => found.has(code)) }))
    .filter((o) => o.still.length > 0)
    .sort((a, b) => (a.order.deadline < b.order.deadline ? -1 : a.order.deadline > b.order.deadline ? 1 : 0));
  if (overdue.length === 0) return null;
  const codes = [...new Set(overdue.flatMap((o) => o.still))];
  const workers = new Map<string, EvidenceWorker>();
  for (const code of codes)
    for (const worker of found.get(code)!.evidence.workers)
      if (!workers.has(worker.idHash)) workers.set(worker.idHash, worker);
  const payment = overdue.some((o) => o.order.ordersPayment);
  const earliest = overdue[0]!.order.deadline;
  const stillOwedFen = codes
    .filter((code) => WAGE_VIOLATIONS.includes(code))
    .reduce((total, code) => {
      const amounts = found.get(code)!.evidence.amounts;
      return total + Math.max(0, (amounts.netPayDueFen ?? 0) - (amounts.paidFen ?? 0));
    }, 0);
  const orderedFen = overdue.reduce((total, o) => total + (o.order.amountFen ?? 0), 0);
  return finding({
    code: 'RECTIFICATION_OVERDUE',
    severity: payment ? 'RED' : 'ORANGE',
    month,
    title:
      `${monthLabel(month)} ${payment ? '责令支付工资' : '限期改正'}指令逾期未整改` +
      `（${overdue.length}份，期限${earliest}，已逾期${daysBetween(earliest, today)}天）`,
    workersAffected: workers.size,
    workers: [...workers.values()],
    amounts: { ...(orderedFen > 0 && { orderedFen }), ...(stillOwedFen > 0 && { stillOwedFen }) },
    parameters: {},
    facts: {
      earliestDeadline: earliest,
      daysOverdue: daysBetween(earliest, today),
      violationsStanding: codes,
      orders: overdue.map(({ order, still }) => ({
        caseId: order.caseId,
        actionId: order.actionId,
        documentNo: order.documentNo,
        deadline: order.deadline,
        ordersPayment: order.ordersPayment,
        violationsStanding: still,
      })),
    },
  });
}

/**
 * The RECTIFICATION_OVERDUE verdict of a project-month, from the verdicts of the rules its orders are about. While
 * one of those cannot judge yet (the bank feed), neither can this; it is suppressed only when every standing
 * violation is.
 */
export function rectificationOverdueVerdict(input: {
  month: Month;
  orders: readonly RectificationOrder[];
  verdicts: readonly ViolationVerdict[];
  asOf: Date;
  parameterSources: Readonly<Record<string, ParameterSource>>;
}) {
  const { month, orders, verdicts, asOf } = input;
  const watched = new Set(orders.filter((o) => orderDeadlinePassed(o, asOf)).flatMap((o) => o.violations));
  const withheld = verdicts.find((v) => watched.has(v.code) && v.withheld !== undefined)?.withheld;
  const standing = verdicts.filter((v) => watched.has(v.code) && v.finding !== null);
  const found = new Map(
    standing.filter((v) => !v.suppression.suppressed).map((v) => [v.code, v.finding!] as const),
  );
  const allSuppressed = found.size === 0 && standing.length > 0;
  const result = evaluateRectificationOverdue({
    month,
    orders,
    found: allSuppressed ? new Map(standing.map((v) => [v.code, v.finding!] as const)) : found,
    asOf,
  });
  const suppression: Suppression = allSuppressed ? standing[0]!.suppression : { suppressed: false };
  return {
    code: 'RECTIFICATION_OVERDUE' as const,
    month,
    finding: result,
    suppression,
    ...(withheld !== undefined && { withheld }),
    parameterSources: input.parameterSources,
  };
}
