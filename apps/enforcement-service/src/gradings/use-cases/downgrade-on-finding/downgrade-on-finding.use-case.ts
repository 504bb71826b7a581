import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { GradeAssigned } from '@wage/contracts';
import {
  dateInShanghai,
  downgradeOnFinding,
  findingYear,
  type EmployerFinding,
  type IntegrityGrade,
} from '@wage/domain';
import { newEvent, type NewEvent } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { GradeRepository } from '../../grade.repository';
import { employerKey } from '../run-grading/run-grading.use-case';

/**
 * A new finding lowers the employer's grade at once (never raises it): the grade in force, taken again over the
 * findings it rested on, those found since, and the new one. An employer never graded counts as A on the findings
 * of the year before and this one. Runs inside the closing transaction; answers the event to publish, if any.
 */
@Injectable()
export class DowngradeOnFindingUseCase {
  constructor(private readonly grades: GradeRepository) {}

  async execute(
    manager: EntityManager,
    employer: { creditCode: string; name: string },
    finding: EmployerFinding,
    actor: string,
    now: Date,
  ): Promise<NewEvent[]> {
    const current = await this.grades.inForce(employer.creditCode, manager);
    const all = (await this.grades.findings([employer.creditCode], manager)).filter(
      (f) => f.caseId !== finding.caseId,
    );
    const thisYear = Number(dateInShanghai(now).slice(0, 4));
    const basis: EmployerFinding[] = current
      ? all.filter((f) => current.findings.includes(f.caseId) || f.foundAt > new Date(current.assigned_at))
      : all.filter((f) => findingYear(f) >= thisYear - 1);
    const grade: IntegrityGrade = current?.grade ?? 'A';
    const verdict = downgradeOnFinding({ grade, basis }, finding);
    if (!verdict) return [];
    const year = current?.year ?? thisYear - 1;
    await manager.query(
      `INSERT INTO "${S}".employer_grades (id, credit_code, employer_name, year, grade, kind, criteria, findings,
         unpaid_wages, consecutive_a_years, region_code, assigned_at, assigned_by)
       VALUES ($1, $2, $3, $4, $5, 'DOWNGRADE', $6, $7, $8, 0, NULL, $9, $10)`,
      [
        randomUUID(),
        employer.creditCode,
        employer.name,
        year,
        verdict.grade,
        verdict.criteria,
        verdict.basis,
        verdict.unpaidWages,
        now,
        actor,
      ],
    );
    return [
      newEvent(
        GradeAssigned,
        employerKey(employer.creditCode),
        {
          creditCode: employer.creditCode,
          employerName: employer.name,
          year,
          grade: verdict.grade,
          kind: 'DOWNGRADE',
          criteria: verdict.criteria,
          findings: verdict.basis,
          unpaidWages: verdict.unpaidWages,
          consecutiveAYears: 0,
          assignedAt: now.toISOString(),
        },
        now,
      ),
    ];
  }
}
