import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GradeAssigned } from '@wage/contracts';
import {
  annualGrade,
  consecutiveAYears,
  dateInShanghai,
  INTEGRITY_GRADES,
  regionPrefix,
  type IntegrityGrade,
} from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type NewEvent } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { GradeRepository } from '../../grade.repository';

export interface GradingRun {
  year: number;
  /** The region whose employers are graded; every employer when absent. */
  regionCode?: string;
  /** Who ran it: a username, `admin`, or `scheduler` for the January run. */
  actor: string;
}

export interface GradingCounts {
  year: number;
  regionCode: string | null;
  graded: number;
  changed: number;
  counts: Record<IntegrityGrade, number>;
}

/** Key of employer events: one employer's grades and listings in one partition, in order. */
export const employerKey = (creditCode: string) => `employer:${creditCode}`;

/**
 * The annual grading (劳动保障守法诚信等级评价) of a year, on that calendar year's findings: each employer's annual grade
 * for the year is set (a run again replaces it) and published when it is new or changed. In one transaction.
 */
/** One employer's new annual grade, as the batch insert reads it. */
interface GradeInsert {
  id: string;
  credit_code: string;
  employer_name: string;
  grade: IntegrityGrade;
  criteria: string[];
  findings: string[];
  unpaid_wages: boolean;
  consecutive_a_years: number;
}

@Injectable()
export class RunGradingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(run: GradingRun): Promise<GradingCounts> {
    const now = this.clock.now();
    const thisYear = Number(dateInShanghai(now).slice(0, 4));
    if (run.year >= thisYear)
      throw new UseCaseError(
        'UNPROCESSABLE',
        'YEAR_NOT_OVER',
        `the grading of ${run.year} rests on that whole calendar year's record; grade a year before ${thisYear}`,
        [{ field: 'year', code: 'YEAR_NOT_OVER', message: `at most ${thisYear - 1}` }],
      );
    const pattern = run.regionCode ? `${regionPrefix(run.regionCode)}%` : '%';
    return this.dataSource.transaction(async (manager) => {
      // One grading at a time: two runs of one year would race on the same rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('enforcement.grading'))`);
      const employers = await this.grades.employersIn(pattern, manager);
      const codes = employers.map((e) => e.creditCode);
      const findings = await this.grades.findings(codes, manager);
      const history = await this.grades.history(codes, manager);
      const byEmployer = groupBy(findings, (f) => f.creditCode);
      const annualOf = groupBy(
        history.filter((h) => h.kind === 'ANNUAL'),
        (h) => h.credit_code,
      );
      const counts: Record<IntegrityGrade, number> = { A: 0, B: 0, C: 0 };
      const rows: GradeInsert[] = [];
      const events: NewEvent[] = [];
      for (const employer of employers) {
        const verdict = annualGrade(run.year, byEmployer.get(employer.creditCode) ?? []);
        counts[verdict.grade]++;
        const annual = annualOf.get(employer.creditCode) ?? [];
        const previous = annual.find((h) => h.year === run.year);
        const aYears = consecutiveAYears([
          ...annual.filter((h) => h.year !== run.year),
          { year: run.year, grade: verdict.grade },
        ]);
        if (
          previous &&
          previous.grade === verdict.grade &&
          previous.findings.join() === verdict.basis.join() &&
          previous.consecutive_a_years === aYears
        )
          continue;
        rows.push({
          id: randomUUID(),
          credit_code: employer.creditCode,
          employer_name: employer.name,
          grade: verdict.grade,
          criteria: verdict.criteria,
          findings: verdict.basis,
          unpaid_wages: verdict.unpaidWages,
          consecutive_a_years: aYears,
        });
        events.push(
          newEvent(
            GradeAssigned,
            employerKey(employer.creditCode),
            {
              creditCode: employer.creditCode,
              employerName: employer.name,
              year: run.year,
              grade: verdict.grade,
              kind: 'ANNUAL',
              criteria: verdict.criteria,
              findings: verdict.basis,
              unpaidWages: verdict.unpaidWages,
              consecutiveAYears: aYears,
              assignedAt: now.toISOString(),
            },
            now,
          ),
        );
      }
      // One statement for the whole run: a province grades tens of thousands of employers.
      if (rows.length > 0)
        await manager.query(
          `INSERT INTO "${S}".employer_grades (id, credit_code, employer_name, year, grade, kind, criteria, findings,
             unpaid_wages, consecutive_a_years, region_code, assigned_at, assigned_by)
           SELECT r.id, r.credit_code, r.employer_name, $2, r.grade, 'ANNUAL', r.criteria, r.findings, r.unpaid_wages,
             r.consecutive_a_years, $3, $4, $5
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, credit_code text, employer_name text, grade text,
             criteria text[], findings uuid[], unpaid_wages boolean, consecutive_a_years integer)
           ON CONFLICT (credit_code, year) WHERE kind = 'ANNUAL' DO UPDATE SET employer_name = EXCLUDED.employer_name,
             grade = EXCLUDED.grade, criteria = EXCLUDED.criteria, findings = EXCLUDED.findings,
             unpaid_wages = EXCLUDED.unpaid_wages, consecutive_a_years = EXCLUDED.consecutive_a_years,
             region_code = EXCLUDED.region_code, assigned_at = EXCLUDED.assigned_at, assigned_by = EXCLUDED.assigned_by`,
          [JSON.stringify(rows), run.year, run.regionCode ?? null, now, run.actor],
        );
      await this.outbox.append(manager, events);
      return {
        year: run.year,
        regionCode: run.regionCode ?? null,
        graded: employers.length,
        changed: events.length,
        counts: Object.fromEntries(INTEGRITY_GRADES.map((g) => [g, counts[g]])) as Record<
          IntegrityGrade,
          number
        >,
      };
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
