import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@wage/platform';
import { regionPattern } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { ListGradingsQuery } from '../../dto/grading.dto';
import { gradeView, type GradeRow } from '../../grade.repository';

/**
 * Grades given, latest first: of employers with a project or a case in the caller's region (or the one asked
 * for), by year and grade.
 */
@Injectable()
export class ListGradingsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal, query: ListGradingsQuery) {
    const params: unknown[] = [regionPattern(principal, query.regionCode)];
    const where = [
      `(EXISTS (SELECT 1 FROM "${S}".projects p WHERE p.contractor_credit_code = g.credit_code AND p.region_code LIKE $1)
        OR EXISTS (SELECT 1 FROM "${S}".cases k WHERE k.employer_credit_code = g.credit_code
                   AND k.region_code LIKE $1))`,
    ];
    if (query.year !== undefined) where.push(`g.year = $${params.push(query.year)}`);
    if (query.grade) where.push(`g.grade = $${params.push(query.grade)}`);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".employer_grades g WHERE ${filter}`,
      params,
    );
    const rows: GradeRow[] = await this.dataSource.query(
      `SELECT g.* FROM "${S}".employer_grades g WHERE ${filter}
       ORDER BY g.assigned_at DESC, g.id LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    return { items: rows.map(gradeView), total, page: query.page, pageSize: query.pageSize };
  }
}
