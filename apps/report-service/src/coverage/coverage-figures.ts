import { isPaymentPending, paymentMetricsPendingUntil, type IsoDate, type Month } from '@wage/domain';
import { metricShare, type MetricShare } from './coverage-arithmetic';

export const METRICS = [
  'realName',
  'wageAccount',
  'deposit',
  'bankPayroll',
  'monthlyFullPayment',
  'allSystems',
] as const;
export type Metric = (typeof METRICS)[number];

export interface CoverageFigures {
  projectsInConstruction: number;
  metrics: Record<Metric, MetricShare>;
}

const COLUMN: Record<Metric, string> = {
  realName: 'real_name',
  wageAccount: 'wage_account',
  deposit: 'deposit',
  bankPayroll: 'bank_payroll',
  monthlyFullPayment: 'monthly_full_payment',
  allSystems: 'all_systems',
};

/** The sums of reports.coverage_by_region_month that make one set of figures, as integers. */
export const COVERAGE_SUMS_SQL = [
  `coalesce(sum(projects_in_construction), 0)::int AS projects_in_construction`,
  ...METRICS.flatMap((m) => [
    `coalesce(sum(${COLUMN[m]}_count), 0)::int AS ${COLUMN[m]}_count`,
    `coalesce(sum(${COLUMN[m]}_of), 0)::int AS ${COLUMN[m]}_of`,
  ]),
].join(', ');

/** The metrics that judge payment, and so wait for the month's wage deadline (allSystems includes them). */
const PAYMENT_METRICS: ReadonlySet<Metric> = new Set(['bankPayroll', 'monthlyFullPayment', 'allSystems']);

/** The date a month's payment metrics are pending until at `asOf`, or null once they are due. */
export function pendingUntil(month: Month, asOf: Date): IsoDate | null {
  return isPaymentPending(month, asOf) ? paymentMetricsPendingUntil(month) : null;
}

/**
 * The figures of a row of sums (no row: a region or month without any assessment). While `pending` is a date,
 * the payment metrics keep their counts so far but have no percentage: not yet due is not 0 %.
 */
export function coverageFigures(row: Record<string, number> | undefined, pending: IsoDate | null): CoverageFigures {
  const metrics = Object.fromEntries(
    METRICS.map((m) => {
      const share = metricShare(row?.[`${COLUMN[m]}_count`] ?? 0, row?.[`${COLUMN[m]}_of`] ?? 0);
      return [m, pending && PAYMENT_METRICS.has(m) ? { ...share, pct: null, pendingUntil: pending } : share];
    }),
  ) as Record<Metric, MetricShare>;
  return { projectsInConstruction: row?.projects_in_construction ?? 0, metrics };
}
