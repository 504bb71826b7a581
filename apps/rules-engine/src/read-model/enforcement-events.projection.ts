import type { EntityManager } from 'typeorm';
import type { EnforcementEvent } from '@wage/contracts';
import { monthOf } from '@wage/domain';
import { lastByKey, queueEvaluations } from './pending-evaluations';

/**
 * enforcement-service's record of employers, for the deposit adjustment: a finding of unpaid wages counts as
 * arrears, the latest grade given is the grade in force (a redelivered older one does not replace a newer), and a
 * listing holds until its last day or an early removal. The contractor's projects are evaluated again, as of now.
 * A rectification order is kept for RECTIFICATION_OVERDUE and its project-month evaluated again; the other case
 * events change nothing here.
 */
export async function projectEnforcementEvents(
  events: EnforcementEvent[],
  manager: EntityManager,
  now: Date,
): Promise<void> {
  const touched = new Set<string>();
  const findings = events.flatMap((e) => (e.type === 'EmployerFindingRecorded' ? [e.data] : []));
  if (findings.length > 0) {
    await manager.query(
      `INSERT INTO rules.employer_findings (case_id, credit_code, found_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) ON CONFLICT (case_id) DO NOTHING`,
      [findings.map((f) => f.caseId), findings.map((f) => f.creditCode), findings.map((f) => f.foundAt)],
    );
    findings.forEach((f) => touched.add(f.creditCode));
  }
  const grades = lastByKey(
    events.flatMap((e) => (e.type === 'GradeAssigned' ? [e.data] : [])),
    (g) => `${g.creditCode}:${g.year}`,
  );
  if (grades.length > 0) {
    await manager.query(
      `INSERT INTO rules.employer_grades (credit_code, grade, year, unpaid_wages, consecutive_a_years, assigned_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::int[], $6::timestamptz[])
       ON CONFLICT (credit_code, year) DO UPDATE SET grade = EXCLUDED.grade,
         unpaid_wages = EXCLUDED.unpaid_wages, consecutive_a_years = EXCLUDED.consecutive_a_years,
         assigned_at = EXCLUDED.assigned_at
       WHERE rules.employer_grades.assigned_at <= EXCLUDED.assigned_at`,
      [
        grades.map((g) => g.creditCode),
        grades.map((g) => g.grade),
        grades.map((g) => g.year),
        grades.map((g) => g.unpaidWages),
        grades.map((g) => g.consecutiveAYears),
        grades.map((g) => g.assignedAt),
      ],
    );
    grades.forEach((g) => touched.add(g.creditCode));
  }
  // A delisting names its listing, so all of a batch's listings go in before its delistings apply.
  const listings = events.flatMap((e) => (e.type === 'EmployerListed' ? [e.data] : []));
  if (listings.length > 0) {
    await manager.query(
      `INSERT INTO rules.employer_listings (listing_id, credit_code, decided_on, listed_until)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[]) ON CONFLICT (listing_id) DO NOTHING`,
      [
        listings.map((l) => l.listingId),
        listings.map((l) => l.creditCode),
        listings.map((l) => l.decidedOn),
        listings.map((l) => l.listedUntil),
      ],
    );
    listings.forEach((l) => touched.add(l.creditCode));
  }
  const delistings = events.flatMap((e) => (e.type === 'EmployerDelisted' ? [e.data] : []));
  if (delistings.length > 0) {
    await manager.query(
      `UPDATE rules.employer_listings l SET delisted_on = d.delisted_on
       FROM unnest($1::uuid[], $2::date[]) AS d(listing_id, delisted_on) WHERE l.listing_id = d.listing_id`,
      [delistings.map((d) => d.listingId), delistings.map((d) => d.delistedOn)],
    );
    delistings.forEach((d) => touched.add(d.creditCode));
  }
  await storeRectificationOrders(events, manager);
  if (touched.size === 0) return;
  const projects: { code: string }[] = await manager.query(
    `SELECT code FROM rules.projects WHERE contractor_credit_code = ANY ($1::text[])`,
    [[...touched]],
  );
  const month = monthOf(now);
  await queueEvaluations(
    manager,
    projects.map((p) => ({ projectCode: p.code, month })),
  );
}

/** Orders of casework about a project-month: RECTIFICATION_OVERDUE watches their deadlines. */
async function storeRectificationOrders(events: EnforcementEvent[], manager: EntityManager): Promise<void> {
  const orders = events.flatMap((e) =>
    e.type === 'RectificationOrdered' ? e.data.months.map((month) => ({ ...e.data, month })) : [],
  );
  if (orders.length === 0) return;
  await manager.query(
    `INSERT INTO rules.rectification_orders (action_id, case_id, project_code, month, deadline, violations,
                                             orders_payment, amount_fen, document_no, ordered_at)
     SELECT a, c, p, m, d, string_to_array(v, ','), o, f, n, t
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::boolean[],
                   $8::bigint[], $9::text[], $10::timestamptz[]) AS x(a, c, p, m, d, v, o, f, n, t)
     ON CONFLICT (action_id, month) DO NOTHING`,
    [
      orders.map((o) => o.actionId),
      orders.map((o) => o.caseId),
      orders.map((o) => o.projectCode),
      orders.map((o) => o.month),
      orders.map((o) => o.deadline),
      orders.map((o) => o.violations.join(',')),
      orders.map((o) => o.ordersPayment),
      orders.map((o) => o.amountFen ?? null),
      orders.map((o) => o.documentNo ?? null),
      orders.map((o) => o.orderedAt),
    ],
  );
  await queueEvaluations(
    manager,
    orders.map((o) => ({ projectCode: o.projectCode, month: o.month })),
  );
}
