import type { EntityManager } from 'typeorm';
import type { EnforcementEvent } from '@wage/contracts';
import { monthOf } from '@wage/domain';
import { lastByKey, queueEvaluations } from './pending-evaluations';

/**
 * enforcement-service's record of employers, for the deposit adjustment: a finding of unpaid wages counts as
 * arrears, the latest grade given is the grade in force (a redelivered older one does not replace a newer), and a
 * listing holds until its last day or an early removal. The contractor's projects are evaluated again, as of now.
 * Case events change nothing here.
 */
export async function projectEnforcementEvents(
  events: EnforcementEvent[],
  manager: EntityManager,
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
    (g) => g.creditCode,
  );
  if (grades.length > 0) {
    await manager.query(
      `INSERT INTO rules.employer_grades (credit_code, grade, year, unpaid_wages, consecutive_a_years, assigned_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::int[], $6::timestamptz[])
       ON CONFLICT (credit_code) DO UPDATE SET grade = EXCLUDED.grade, year = EXCLUDED.year,
         unpaid_wages = EXCLUDED.unpaid_wages, consecutive_a_years = EXCLUDED.consecutive_a_years,
         assigned_at = EXCLUDED.assigned_at
       WHERE (rules.employer_grades.year, rules.employer_grades.assigned_at) <= (EXCLUDED.year, EXCLUDED.assigned_at)`,
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
  for (const event of events) {
    if (event.type === 'EmployerListed') {
      const l = event.data;
      await manager.query(
        `INSERT INTO rules.employer_listings (listing_id, credit_code, decided_on, listed_until)
         VALUES ($1, $2, $3, $4) ON CONFLICT (listing_id) DO NOTHING`,
        [l.listingId, l.creditCode, l.decidedOn, l.listedUntil],
      );
      touched.add(l.creditCode);
    } else if (event.type === 'EmployerDelisted') {
      const d = event.data;
      await manager.query(`UPDATE rules.employer_listings SET delisted_on = $2 WHERE listing_id = $1`, [
        d.listingId,
        d.delistedOn,
      ]);
      touched.add(d.creditCode);
    }
  }
  if (touched.size === 0) return;
  const projects: { code: string }[] = await manager.query(
    `SELECT code FROM rules.projects WHERE contractor_credit_code = ANY ($1::text[])`,
    [[...touched]],
  );
  const month = monthOf(new Date());
  await queueEvaluations(
    manager,
    projects.map((p) => ({ projectCode: p.code, month })),
  );
}
