import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AggravatingCircumstance, EmployerFinding, IntegrityGrade } from '@wage/domain';
import { SCHEMA as S } from '../schema';

export interface GradeRow {
  id: string;
  credit_code: string;
  employer_name: string;
  year: number;
  grade: IntegrityGrade;
  kind: 'ANNUAL' | 'DOWNGRADE';
  criteria: string[];
  findings: string[];
  unpaid_wages: boolean;
  consecutive_a_years: number;
  region_code: string | null;
  assigned_at: Date;
  assigned_by: string;
}

export interface FindingRow extends EmployerFinding {
  creditCode: string;
  employerName: string;
  regionCode: string;
  projectCode: string | null;
  closureCode: string;
  wagesOwedFen: number;
}

/** A closed case found a violation when its finding says unpaid wages, or names a violation or a circumstance. */
const IS_VIOLATION = `(k.finding->>'unpaidWages' = 'true'
  OR jsonb_array_length(coalesce(k.finding->'violations', '[]'::jsonb)) > 0
  OR jsonb_array_length(coalesce(k.finding->'circumstances', '[]'::jsonb)) > 0)`;

/** Employers' findings (closed cases with a violation found, by credit code) and the grades given on them. */
@Injectable()
export class GradeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Findings against the employers whose credit code is in `creditCodes` (all of them when null). */
  async findings(
    creditCodes: readonly string[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FindingRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT k.id, k.employer_credit_code, k.employer_name, k.region_code, k.project_code, k.closure_code,
              k.closed_at, k.finding, k.wages_owed_fen::text AS wages_owed_fen
       FROM "${S}".cases k
       WHERE k.status = 'CLOSED' AND k.employer_credit_code IS NOT NULL AND ${IS_VIOLATION}
         AND ($1::text[] IS NULL OR k.employer_credit_code = ANY ($1::text[]))
       ORDER BY k.closed_at, k.id`,
      [creditCodes],
    );
    return rows.map((r) => {
      const finding = r.finding as { unpaidWages: boolean; violations?: string[]; circumstances?: string[] };
      return {
        caseId: String(r.id),
        foundAt: r.closed_at as Date,
        unpaidWages: finding.unpaidWages,
        violations: finding.violations ?? [],
        circumstances: (finding.circumstances ?? []) as AggravatingCircumstance[],
        creditCode: String(r.employer_credit_code),
        employerName: String(r.employer_name),
        regionCode: String(r.region_code),
        projectCode: (r.project_code as string | null) ?? null,
        closureCode: String(r.closure_code),
        wagesOwedFen: Number(r.wages_owed_fen),
      };
    });
  }

  /**
   * The employers a grading of a region covers: contractors of its projects and employers of its cases, with
   * the latest name known for each.
   */
  async employersIn(
    pattern: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ creditCode: string; name: string }[]> {
    return manager.query(
      `SELECT DISTINCT ON (credit_code) credit_code AS "creditCode", name FROM (
         SELECT contractor_credit_code AS credit_code, contractor_name AS name, updated_at AS at
           FROM "${S}".projects WHERE region_code LIKE $1
         UNION ALL
         SELECT employer_credit_code, employer_name, opened_at FROM "${S}".cases
           WHERE employer_credit_code IS NOT NULL AND region_code LIKE $1
       ) e ORDER BY credit_code, at DESC`,
      [pattern],
    );
  }

  /** Every grade of the employers, oldest first. */
  async history(
    creditCodes: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GradeRow[]> {
    return manager.query(
      `SELECT * FROM "${S}".employer_grades WHERE credit_code = ANY ($1::text[]) ORDER BY year, assigned_at, id`,
      [creditCodes],
    );
  }

  /**
   * The grade in force: the one for the latest year graded, the latest given for it (a downgrade after the annual
   * grading); an earlier year graded late does not replace it. Undefined when the employer was never graded.
   */
  async inForce(
    creditCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GradeRow | undefined> {
    const [row] = await manager.query(
      `SELECT * FROM "${S}".employer_grades WHERE credit_code = $1
       ORDER BY year DESC, assigned_at DESC, id DESC LIMIT 1`,
      [creditCode],
    );
    return row;
  }
}

export function gradeView(row: GradeRow) {
  return {
    id: row.id,
    creditCode: row.credit_code,
    employerName: row.employer_name,
    year: row.year,
    grade: row.grade,
    kind: row.kind,
    criteria: row.criteria,
    findings: row.findings,
    unpaidWages: row.unpaid_wages,
    consecutiveAYears: row.consecutive_a_years,
    assignedAt: new Date(row.assigned_at).toISOString(),
    assignedBy: row.assigned_by,
    // 重点监管 for C, 免于日常巡查 for A (the consequences' defaults)
    supervision:
      row.grade === 'C' ? 'KEY_TARGET' : row.grade === 'A' ? 'EXEMPT_FROM_ROUTINE_PATROL' : 'ROUTINE',
  };
}
