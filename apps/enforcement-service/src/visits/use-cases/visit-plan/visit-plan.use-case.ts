import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstDayOfMonth, monthOf, nextMonth, previousMonth, startOfDayShanghai } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import type { VisitPlanDto } from '../../dto/visit.dto';
import { isGridAssistant, requireSeesGrid } from '../../visit-access';

export type PlanReason = 'C_GRADE' | 'OPEN_ALERTS' | 'NOT_VISITED_3_MONTHS';

interface PlanRow {
  code: string;
  name: string;
  grade: 'A' | 'B' | 'C' | null;
  open_alerts: number;
  last_visited_at: Date | null;
  visited_this_month: boolean;
}

/** Months back from the plan month's first day with no visit before a project is due one. */
const NOT_VISITED_MONTHS = 3;

/**
 * A grid's visit plan for a month (走访计划): the projects in construction in the grid, C-grade employers first,
 * then those with open alerts, then those nobody visited in the 3 months before the month. Projects of A-grade
 * employers are left out of routine visits (listed as exempt) unless they have open alerts. Grades are the grade
 * in force of the project's contractor; open alerts come from the alert record this service keeps.
 */
@Injectable()
export class VisitPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, query: VisitPlanDto) {
    const gridCode = this.gridOf(principal, query.gridCode);
    const month = query.month ?? monthOf(this.clock.now());
    const monthStart = startOfDayShanghai(firstDayOfMonth(month));
    const monthEnd = startOfDayShanghai(firstDayOfMonth(nextMonth(month)));
    let cutoffMonth = month;
    for (let i = 0; i < NOT_VISITED_MONTHS; i++) cutoffMonth = previousMonth(cutoffMonth);
    const cutoff = startOfDayShanghai(firstDayOfMonth(cutoffMonth));

    const rows: PlanRow[] = await this.dataSource.query(
      `SELECT p.code, p.name, g.grade,
         (SELECT count(*)::int FROM "${S}".alert_record a WHERE a.project_code = p.code AND a.open) AS open_alerts,
         (SELECT max(v.at) FROM "${S}".visits v WHERE v.project_code = p.code AND v.at < $3) AS last_visited_at,
         EXISTS (SELECT 1 FROM "${S}".visits v WHERE v.project_code = p.code AND v.at >= $2 AND v.at < $3)
           AS visited_this_month
       FROM "${S}".projects p
       LEFT JOIN LATERAL (SELECT grade FROM "${S}".employer_grades e WHERE e.credit_code = p.contractor_credit_code
         ORDER BY e.year DESC, e.assigned_at DESC, e.id DESC LIMIT 1) g ON true
       WHERE p.status = 'IN_CONSTRUCTION' AND p.grid_code LIKE $1
       ORDER BY p.code`,
      [`${gridCode}%`, monthStart, monthEnd],
    );

    const items = [];
    const exempt = [];
    for (const row of rows) {
      const reasons: PlanReason[] = [];
      if (row.grade === 'C') reasons.push('C_GRADE');
      if (row.open_alerts > 0) reasons.push('OPEN_ALERTS');
      if (row.last_visited_at === null || row.last_visited_at < cutoff) reasons.push('NOT_VISITED_3_MONTHS');
      if (row.grade === 'A' && row.open_alerts === 0) {
        exempt.push({ projectCode: row.code, projectName: row.name, reason: 'A_GRADE' as const });
        continue;
      }
      items.push({
        projectCode: row.code,
        projectName: row.name,
        reasons,
        employerGrade: row.grade,
        lastVisitedAt: row.last_visited_at?.toISOString() ?? null,
        visitedThisMonth: row.visited_this_month,
      });
    }
    const rank = (reasons: PlanReason[]) =>
      (['C_GRADE', 'OPEN_ALERTS', 'NOT_VISITED_3_MONTHS'] as const).map((r) => (reasons.includes(r) ? 0 : 1));
    items.sort((a, b) => {
      const [x, y] = [rank(a.reasons), rank(b.reasons)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
      return a.projectCode < b.projectCode ? -1 : a.projectCode > b.projectCode ? 1 : 0;
    });
    return { gridCode, month, items, exempt };
  }

  private gridOf(principal: Principal, requested: string | undefined): string {
    if (isGridAssistant(principal) && principal.kind === 'user') {
      const own = principal.regionCode;
      if (requested !== undefined && !requested.startsWith(own))
        throw UseCaseError.forbidden(`your grid ${own} does not cover grid ${requested}`);
      return requested ?? own;
    }
    if (requested === undefined)
      throw UseCaseError.invalid('name the grid: gridCode, a 街道/乡镇 (9 digits) or 社区/村 (12 digits)', [
        { path: 'gridCode', message: 'required' },
      ]);
    requireSeesGrid(principal, requested);
    return requested;
  }
}
