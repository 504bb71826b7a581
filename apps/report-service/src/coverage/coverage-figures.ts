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

export function coverageFigures(row: Record<string, number>): CoverageFigures {
  const metrics = Object.fromEntries(
    METRICS.map((m) => [m, metricShare(row[`${COLUMN[m]}_count`], row[`${COLUMN[m]}_of`])]),
  ) as Record<Metric, MetricShare>;
  return { projectsInConstruction: row.projects_in_construction, metrics };
}

/** A region or month without any assessment. */
export const NO_COVERAGE: CoverageFigures = {
  projectsInConstruction: 0,
  metrics: Object.fromEntries(METRICS.map((m) => [m, metricShare(0, 0)])) as Record<Metric, MetricShare>,
};
