import type { EntityManager } from 'typeorm';
import type { AssessmentEvent } from '@wage/contracts';
import { lockBuckets } from './bucket-lock';

/** A project-month of reports.project_months that passes allSystems: in construction, no safeguard missing. */
export const ALL_SYSTEMS_PASSED = `in_construction AND real_name AND wage_account AND deposit
  AND bank_payroll IS NOT FALSE AND monthly_full_payment IS NOT FALSE`;

/**
 * Applies monthly assessments: the latest `evaluatedAt` per (project, month) wins, then the coverage rows of
 * every (region, month) touched are recomputed from the project-months — set-wise, in the consumer's
 * transaction, so the aggregates can never drift from the rows they sum.
 */
export async function projectAssessmentEvents(
  events: AssessmentEvent[],
  manager: EntityManager,
): Promise<void> {
  const latest = new Map<string, AssessmentEvent['data']>();
  for (const { data } of events) {
    const key = `${data.projectCode}\u0000${data.month}`;
    const seen = latest.get(key);
    if (!seen || seen.evaluatedAt <= data.evaluatedAt) latest.set(key, data);
  }
  const rows = [...latest.values()];
  // Figures are kept per most specific code: the project's grid when it is placed in one, else its district.
  // A project moved to another grid leaves its old bucket, which is summed again below.
  const previous: { region_code: string; month: string }[] = await manager.query(
    `SELECT pm.region_code, pm.month FROM reports.project_months pm
     JOIN unnest($1::text[], $2::text[]) AS r(project_code, month)
       ON pm.project_code = r.project_code AND pm.month = r.month`,
    [rows.map((r) => r.projectCode), rows.map((r) => r.month)],
  );
  const column = <T>(pick: (row: AssessmentEvent['data']) => T) => rows.map(pick);
  await manager.query(
    `INSERT INTO reports.project_months (project_code, month, region_code, in_construction, real_name, wage_account,
       deposit, bank_payroll, monthly_full_payment, workers_due, workers_paid_in_full, amount_due_fen,
       amount_paid_fen, evaluated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::boolean[],
       $7::boolean[], $8::boolean[], $9::boolean[], $10::int[], $11::int[], $12::bigint[], $13::bigint[],
       $14::timestamptz[])
     ON CONFLICT (project_code, month) DO UPDATE SET
       region_code = EXCLUDED.region_code, in_construction = EXCLUDED.in_construction,
       real_name = EXCLUDED.real_name, wage_account = EXCLUDED.wage_account, deposit = EXCLUDED.deposit,
       bank_payroll = EXCLUDED.bank_payroll, monthly_full_payment = EXCLUDED.monthly_full_payment,
       workers_due = EXCLUDED.workers_due, workers_paid_in_full = EXCLUDED.workers_paid_in_full,
       amount_due_fen = EXCLUDED.amount_due_fen, amount_paid_fen = EXCLUDED.amount_paid_fen,
       evaluated_at = EXCLUDED.evaluated_at
     WHERE reports.project_months.evaluated_at <= EXCLUDED.evaluated_at`,
    [
      column((r) => r.projectCode),
      column((r) => r.month),
      column((r) => r.gridCode ?? r.regionCode),
      column((r) => r.inConstruction),
      column((r) => r.coverage.realName),
      column((r) => r.coverage.wageAccount),
      column((r) => r.coverage.deposit),
      column((r) => r.coverage.bankPayroll),
      column((r) => r.coverage.monthlyFullPayment),
      column((r) => r.workersDue),
      column((r) => r.workersPaidInFull),
      column((r) => r.amountDueFen),
      column((r) => r.amountPaidFen),
      column((r) => r.evaluatedAt),
    ],
  );
  const buckets = await lockBuckets(manager, 'coverage', [
    ...rows.map((r) => ({ regionCode: r.gridCode ?? r.regionCode, month: r.month })),
    ...previous.map((p) => ({ regionCode: p.region_code, month: p.month })),
  ]);
  // A metric counts over the projects it applies to: the assessment leaves it null where it does not (not in
  // construction; for the payment metrics, no worker due wages). allSystems applies to every project in
  // construction, which passes it with every safeguard that applies in place (docs/domain.md, coverage).
  // Replaced whole per bucket: a bucket a project left may have no project any more.
  await manager.query(
    `DELETE FROM reports.coverage_by_region_month c
     USING unnest($1::text[], $2::text[]) AS b(region_code, month)
     WHERE c.region_code = b.region_code AND c.month = b.month`,
    [buckets.map((b) => b.regionCode), buckets.map((b) => b.month)],
  );
  await manager.query(
    `INSERT INTO reports.coverage_by_region_month
     SELECT pm.month, pm.region_code,
       count(*) FILTER (WHERE in_construction),
       count(*) FILTER (WHERE real_name), count(real_name),
       count(*) FILTER (WHERE wage_account), count(wage_account),
       count(*) FILTER (WHERE deposit), count(deposit),
       count(*) FILTER (WHERE bank_payroll), count(bank_payroll),
       count(*) FILTER (WHERE monthly_full_payment), count(monthly_full_payment),
       count(*) FILTER (WHERE ${ALL_SYSTEMS_PASSED}), count(*) FILTER (WHERE in_construction)
     FROM reports.project_months pm
     JOIN unnest($1::text[], $2::text[]) AS b(region_code, month)
       ON pm.region_code = b.region_code AND pm.month = b.month
     GROUP BY pm.month, pm.region_code
     ON CONFLICT (month, region_code) DO UPDATE SET
       projects_in_construction = EXCLUDED.projects_in_construction,
       real_name_count = EXCLUDED.real_name_count, real_name_of = EXCLUDED.real_name_of,
       wage_account_count = EXCLUDED.wage_account_count, wage_account_of = EXCLUDED.wage_account_of,
       deposit_count = EXCLUDED.deposit_count, deposit_of = EXCLUDED.deposit_of,
       bank_payroll_count = EXCLUDED.bank_payroll_count, bank_payroll_of = EXCLUDED.bank_payroll_of,
       monthly_full_payment_count = EXCLUDED.monthly_full_payment_count,
       monthly_full_payment_of = EXCLUDED.monthly_full_payment_of,
       all_systems_count = EXCLUDED.all_systems_count, all_systems_of = EXCLUDED.all_systems_of`,
    [buckets.map((b) => b.regionCode), buckets.map((b) => b.month)],
  );
}
