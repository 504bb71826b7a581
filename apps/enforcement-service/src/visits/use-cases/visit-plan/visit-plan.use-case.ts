import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstDayOfMonth, monthOf, nextMonth, previousMonth, startOfDayShanghai } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { ENFORCEMENT_SETTINGS } from '../../../config/enforcement-settings';
import type { EnforcementSettings } from '../../../config/env';
import { SCHEMA as S } from '../../../schema';
import type { VisitPlanDto } from '../../dto/visit.dto';
import { patrolInterval } from '../../patrol-intervals';
import { isGridAssistant, requireSeesGrid } from '../../visit-access';

/** Why a project is in the plan, in the plan's order: a key target, open alerts, its routine patrol due. */
export type PlanReason = 'C_GRADE' | 'OPEN_ALERTS' | 'PATROL_DUE';
const REASON_ORDER: readonly PlanReason[] = ['C_GRADE', 'OPEN_ALERTS', 'PATROL_DUE'];

/** Why a project is left out of routine patrols: its contractor's grade is exempt in the project's region. */
export type ExemptReason = 'A_GRADE' | 'B_GRADE' | 'UNGRADED';

interface PlanRow {
  code: string;
  name: string;
  grid_code: string;
  grade: 'A' | 'B' | 'C' | null;
  open_alerts: number;
  last_visited_at: Date | null;
  visited_this_month: boolean;
}

/**
 * A grid's visit plan for a month (走访计划): the projects in construction in the grid, C-grade employers first,
 * then those with open alerts, then those whose routine patrol is due: nobody visited them in the N calendar
 * months before the month's first day, N the patrol interval of the contractor's grade in the project's region
 * (`PATROL_INTERVALS`; by default C 1, B 2, ungraded 3, A exempt). Projects of a grade exempt there are left out
 * of routine visits (listed as exempt) unless they have open alerts. Grades are the grade in force of the
 * project's contractor; open alerts come from the alert record this service keeps.
 */
@Injectable()
export class VisitPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
  ) {}

  async execute(principal: Principal, query: VisitPlanDto) {
    const gridCode = this.gridOf(principal, query.gridCode);
    const month = query.month ?? monthOf(this.clock.now());
    const monthStart = startOfDayShanghai(firstDayOfMonth(month));
    const monthEnd = startOfDayShanghai(firstDayOfMonth(nextMonth(month)));
    const cutoffs = new Map<number, Date>();
    const cutoff = (months: number) => {
      let found = cutoffs.get(months);
      if (found === undefined) {
        let cutoffMonth = month;
        for (let i = 0; i < months; i++) cutoffMonth = previousMonth(cutoffMonth);
        found = startOfDayShanghai(firstDayOfMonth(cutoffMonth));
        cutoffs.set(months, found);
      }
      return found;
    };

    const rows: PlanRow[] = await this.dataSource.query(
      `SELECT p.code, p.name, p.grid_code, g.grade,
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
      const interval = patrolInterval(this.settings.patrolIntervals, row.grid_code, row.grade ?? 'UNGRADED');
      const reasons: PlanReason[] = [];
      if (row.grade === 'C') reasons.push('C_GRADE');
      if (row.open_alerts > 0) reasons.push('OPEN_ALERTS');
      if (interval === 'exempt' && row.open_alerts === 0) {
        const reason: ExemptReason =
          row.grade === null ? 'UNGRADED' : row.grade === 'A' ? 'A_GRADE' : 'B_GRADE';
        exempt.push({ projectCode: row.code, projectName: row.name, reason });
        continue;
      }
      if (interval !== 'exempt' && (row.last_visited_at === null || row.last_visited_at < cutoff(interval)))
        reasons.push('PATROL_DUE');
      items.push({
        projectCode: row.code,
        projectName: row.name,
        reasons,
        employerGrade: row.grade,
        patrolIntervalMonths: interval === 'exempt' ? null : interval,
        lastVisitedAt: row.last_visited_at?.toISOString() ?? null,
        visitedThisMonth: row.visited_this_month,
      });
    }
    const rank = (reasons: PlanReason[]) => REASON_ORDER.map((r) => (reasons.includes(r) ? 0 : 1));
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
