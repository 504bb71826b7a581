import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endOfDayShanghai, startOfDayShanghai } from '@wage/domain';
import type { Principal } from '@wage/platform';
import { regionPattern } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { ListVisitsDto } from '../../dto/visit.dto';
import { assistantGridPattern, requireSeesGrid } from '../../visit-access';
import { VISIT_SELECT, visitView, type VisitRow } from '../../visit.repository';

/** The visits the caller may see, latest first: a grid assistant's grid, a user's region, everything for an admin. */
@Injectable()
export class ListVisitsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListVisitsDto) {
    const where: string[] = [];
    const params: unknown[] = [];
    const grid = assistantGridPattern(principal, query.gridCode);
    if (grid !== null) where.push(`v.grid_code LIKE $${params.push(grid)}`);
    else {
      where.push(`v.region_code LIKE $${params.push(regionPattern(principal))}`);
      if (query.gridCode !== undefined) {
        requireSeesGrid(principal, query.gridCode);
        where.push(`v.grid_code LIKE $${params.push(`${query.gridCode}%`)}`);
      }
    }
    if (query.projectCode) where.push(`v.project_code = $${params.push(query.projectCode)}`);
    if (query.from) where.push(`v.at >= $${params.push(startOfDayShanghai(query.from))}`);
    if (query.to) where.push(`v.at <= $${params.push(endOfDayShanghai(query.to))}`);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".visits v WHERE ${filter}`,
      params,
    );
    const rows: VisitRow[] = await this.dataSource.query(
      `${VISIT_SELECT} WHERE ${filter} ORDER BY v.at DESC, v.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(visitView), total, page: query.page, pageSize: query.pageSize };
  }
}
