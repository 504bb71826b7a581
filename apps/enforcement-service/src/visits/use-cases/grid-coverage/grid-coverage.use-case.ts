import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dateInShanghai,
  firstDayOfMonth,
  monthOf,
  nextMonth,
  regionName,
  regionPrefix,
  startOfDayShanghai,
} from '@wage/domain';
import { UseCaseError, Clock, isAdmin, type Principal } from '@wage/platform';
import { requireCovers } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { GridsDto } from '../../dto/visit.dto';
import { isGridAssistant } from '../../visit-access';

interface GridRow {
  grid_code: string;
  projects: number;
  visits: number;
  assistants: number;
  open_verifications: number;
  overdue_verifications: number;
}

/**
 * The grids of a region and how far their assistants visited them in a month (网格走访覆盖): the grid codes of the
 * projects in construction under the region, each with its visits and the grid assistants who recorded them. A
 * grid counts as covered when a grid assistant recorded a visit in it that month.
 */
@Injectable()
export class GridCoverageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, query: GridsDto) {
    if (isGridAssistant(principal))
      throw UseCaseError.forbidden(
        "grid coverage is for the leaders and inspectors of a district or above; a grid assistant sees their own grid's visit plan",
      );
    const regionCode =
      query.regionCode ??
      (principal.kind === 'user' && !isAdmin(principal) ? principal.regionCode : undefined);
    if (regionCode === undefined)
      throw UseCaseError.invalid('name the region: regionCode', [
        { path: 'regionCode', message: 'required' },
      ]);
    requireCovers(principal, regionCode);
    const month = query.month ?? monthOf(this.clock.now());
    const from = startOfDayShanghai(firstDayOfMonth(month));
    const to = startOfDayShanghai(firstDayOfMonth(nextMonth(month)));
    const rows: GridRow[] = await this.dataSource.query(
      `SELECT p.grid_code, count(*)::int AS projects,
         (SELECT count(*)::int FROM "${S}".visits v WHERE v.grid_code = p.grid_code AND v.at >= $2 AND v.at < $3)
           AS visits,
         (SELECT count(DISTINCT v.recorded_by)::int FROM "${S}".visits v WHERE v.grid_code = p.grid_code
           AND v.recorder_role = 'GRID_ASSISTANT' AND v.at >= $2 AND v.at < $3) AS assistants,
         (SELECT count(*)::int FROM "${S}".verifications r WHERE r.grid_code = p.grid_code
           AND r.status IN ('OPEN', 'ESCALATED')) AS open_verifications,
         (SELECT count(*)::int FROM "${S}".verifications r WHERE r.grid_code = p.grid_code
           AND (r.status = 'ESCALATED' OR (r.status = 'OPEN' AND r.due_by < $4::date))) AS overdue_verifications
       FROM "${S}".projects p
       WHERE p.status = 'IN_CONSTRUCTION' AND p.grid_code LIKE $1
       GROUP BY p.grid_code ORDER BY p.grid_code`,
      [`${regionPrefix(regionCode)}%`, from, to, dateInShanghai(this.clock.now())],
    );
    const grids = rows.map((row) => ({
      gridCode: row.grid_code,
      gridName: regionName(row.grid_code),
      projects: row.projects,
      visitsThisMonth: row.visits,
      assistantsVisiting: row.assistants,
      // Still to be verified (OPEN, or ESCALATED and not yet done), and of them those past their dueBy.
      openVerifications: row.open_verifications,
      overdueVerifications: row.overdue_verifications,
    }));
    const count = grids.filter((grid) => grid.assistantsVisiting > 0).length;
    const of = grids.length;
    return {
      regionCode,
      month,
      grids,
      coverage: { count, of, pct: of === 0 ? null : Math.round((count / of) * 1000) / 10 },
    };
  }
}
