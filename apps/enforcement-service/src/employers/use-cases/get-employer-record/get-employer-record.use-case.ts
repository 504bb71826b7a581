import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai, findingYear, formatYuan, isListedOn } from '@wage/domain';
import { UseCaseError, Clock } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { GradeRepository, gradeView } from '../../../gradings/grade.repository';
import { employerAlerts } from '../../alert-record';

/**
 * An employer's record by credit code (用人单位守法档案): the findings of its closed cases, its projects, the alerts
 * that stood against them, every grade given with the grade in force, and its blacklist state. Names no worker, complainant or listed person in clear.
 */
@Injectable()
export class GetEmployerRecordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(creditCode: string) {
    const today = dateInShanghai(this.clock.now());
    const [findings, history, projects, procedures, alerts] = await Promise.all([
      this.grades.findings([creditCode]),
      this.grades.history([creditCode]),
      this.dataSource.query(
        `SELECT code, name, region_code AS "regionCode", contractor_name FROM "${S}".projects
         WHERE contractor_credit_code = $1 ORDER BY code`,
        [creditCode],
      ),
      this.dataSource.query(
        `SELECT id, status, case_id, employer_name, reason, to_char(notice_on, 'YYYY-MM-DD') AS notice_on,
                to_char(statement_by, 'YYYY-MM-DD') AS statement_by, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
                to_char(listed_until, 'YYYY-MM-DD') AS listed_until, to_char(removed_on, 'YYYY-MM-DD') AS removed_on
         FROM "${S}".blacklist_procedures WHERE credit_code = $1 ORDER BY notified_at`,
        [creditCode],
      ),
      employerAlerts(this.dataSource, creditCode),
    ]);
    const [anyCase] = await this.dataSource.query(
      `SELECT employer_name FROM "${S}".cases WHERE employer_credit_code = $1 ORDER BY opened_at DESC LIMIT 1`,
      [creditCode],
    );
    const name =
      history.at(-1)?.employer_name ?? projects[0]?.contractor_name ?? anyCase?.employer_name ?? null;
    if (name === null)
      throw UseCaseError.notFound(`no employer with credit code ${creditCode} is known here`);
    const inForce = history.at(-1);
    const listing = (procedures as Record<string, string | null>[]).find(
      (p) => p.status === 'LISTED' && isListedOn(p.decided_on!, today),
    );
    return {
      creditCode,
      name,
      grade: inForce ? gradeView(inForce) : null,
      grades: history.map(gradeView).reverse(),
      findings: findings
        .map((f) => ({
          caseId: f.caseId,
          foundAt: f.foundAt.toISOString(),
          year: findingYear(f),
          regionCode: f.regionCode,
          projectCode: f.projectCode,
          closureCode: f.closureCode,
          unpaidWages: f.unpaidWages,
          violations: f.violations,
          circumstances: f.circumstances,
          wagesOwed: formatYuan(f.wagesOwedFen),
        }))
        .reverse(),
      projects: (projects as Record<string, string>[]).map((p) => ({
        code: p.code,
        name: p.name,
        regionCode: p.regionCode,
      })),
      alerts,
      blacklist: {
        listed: listing !== undefined,
        listing: listing ? procedureSummary(listing) : null,
        procedures: (procedures as Record<string, string | null>[]).map(procedureSummary).reverse(),
      },
    };
  }
}

function procedureSummary(p: Record<string, string | null>) {
  return {
    id: p.id,
    status: p.status,
    caseId: p.case_id,
    reason: p.reason,
    noticeOn: p.notice_on,
    statementBy: p.statement_by,
    decidedOn: p.decided_on,
    listedUntil: p.listed_until,
    removedOn: p.removed_on,
  };
}
