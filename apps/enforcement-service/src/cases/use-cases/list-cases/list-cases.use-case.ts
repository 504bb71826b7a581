import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { maySee, regionPattern } from '../../../access/casework-access';
import { ENFORCEMENT_SETTINGS } from '../../../config/enforcement-settings';
import type { EnforcementSettings } from '../../../config/env';
import { SCHEMA as S } from '../../../schema';
import { CASE_SELECT, CaseRepository } from '../../case.repository';
import { caseDetailView, caseSummaryView } from '../../case-view';
import type { ListCasesQuery } from '../../dto/case.dto';

/** Cases of the caller's region: open ones by their deadline, closest first, then closed ones, latest first. */
@Injectable()
export class ListCasesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
  ) {}

  async list(principal: Principal, query: ListCasesQuery) {
    const now = this.clock.now();
    const where = [`k.region_code LIKE $1`];
    const params: unknown[] = [regionPattern(principal, query.regionCode)];
    if (query.status) where.push(`k.status = $${params.push(query.status)}`);
    if (query.employer) {
      const n = params.push(query.employer);
      where.push(`(k.employer_credit_code = upper($${n}) OR k.employer_name ILIKE '%' || $${n} || '%')`);
    }
    if (query.overdue !== undefined) {
      const n = params.push(dateInShanghai(now));
      where.push(`${query.overdue ? '' : 'NOT '}(k.status = 'OPEN' AND k.close_by < $${n}::date)`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".cases k WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query(
      `${CASE_SELECT} WHERE ${filter}
       ORDER BY k.status = 'OPEN' DESC, CASE WHEN k.status = 'OPEN' THEN k.close_by END, k.closed_at DESC, k.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((row: never) => caseSummaryView(row, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(principal: Principal, id: string) {
    const row = await this.cases.find(id);
    if (!row || !maySee(principal, row.region_code))
      throw UseCaseError.notFound(`no case ${id}, or not one you may see`);
    const [actions, recoveries] = await Promise.all([this.cases.actions(id), this.cases.recoveries(id)]);
    return caseDetailView(row, actions, recoveries, this.clock.now(), this.settings.criminalThresholds);
  }
}
