import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai } from '@wage/domain';
import { Clock } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import type { PublicListQuery } from '../../dto/blacklist.dto';
import { publicListWorkbook, type PublicListing } from '../../public-list-xlsx';

const MAX_EXPORT_ROWS = 50_000;

/**
 * The published list (拖欠农民工工资失信联合惩戒对象名单): listings in force today, latest first — employer name, credit
 * code, reason, decided, until, and the persons with their names masked and no identity number at all.
 */
@Injectable()
export class PublicListUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: PublicListQuery) {
    const { where, params } = this.filter(query);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".blacklist_procedures b WHERE ${where}`,
      params,
    );
    const items = await this.listings(where, params, query.pageSize, (query.page - 1) * query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async workbook(query: Pick<PublicListQuery, 'employer'>): Promise<Buffer> {
    const { where, params } = this.filter(query);
    const today = dateInShanghai(this.clock.now());
    return publicListWorkbook(await this.listings(where, params, MAX_EXPORT_ROWS, 0), today);
  }

  private filter(query: Pick<PublicListQuery, 'employer'>) {
    const params: unknown[] = [dateInShanghai(this.clock.now())];
    const where = [`b.status = 'LISTED' AND b.decided_on <= $1::date AND b.listed_until >= $1::date`];
    if (query.employer) {
      const n = params.push(query.employer);
      where.push(`(b.credit_code = upper($${n}) OR b.employer_name ILIKE '%' || $${n} || '%')`);
    }
    return { where: where.join(' AND '), params };
  }

  private async listings(
    where: string,
    params: unknown[],
    limit: number,
    offset: number,
  ): Promise<PublicListing[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT b.employer_name, b.credit_code, b.reason, to_char(b.decided_on, 'YYYY-MM-DD') AS decided_on,
              to_char(b.listed_until, 'YYYY-MM-DD') AS listed_until,
              coalesce((SELECT json_agg(json_build_object('name', p.name_masked, 'role', p.role) ORDER BY p.position)
                        FROM "${S}".blacklist_persons p WHERE p.procedure_id = b.id), '[]') AS persons
       FROM "${S}".blacklist_procedures b WHERE ${where}
       ORDER BY b.decided_on DESC, b.credit_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return rows.map((r) => ({
      employerName: String(r.employer_name),
      creditCode: String(r.credit_code),
      reason: String(r.reason),
      decidedOn: String(r.decided_on),
      listedUntil: String(r.listed_until),
      persons: r.persons as { name: string; role: string }[],
    }));
  }
}
