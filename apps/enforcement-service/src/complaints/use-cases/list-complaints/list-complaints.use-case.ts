import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { maySee, regionPattern } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { ComplaintRepository, COMPLAINT_SELECT } from '../../complaint.repository';
import { complaintView } from '../../complaint-view';
import type { ListComplaintsQuery } from '../../dto/complaint.dto';

/** The intake queue of the caller's region, the closest acceptance deadline first; and one complaint. */
@Injectable()
export class ListComplaintsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ListComplaintsQuery) {
    const where = [`c.region_code LIKE $1`];
    const params: unknown[] = [regionPattern(principal, query.regionCode)];
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`c.kind = $${params.push(query.kind)}`);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".complaints c WHERE ${filter}`,
      params,
    );
    const rows = await this.dataSource.query(
      `${COMPLAINT_SELECT} WHERE ${filter} ORDER BY c.accept_by, c.received_at
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const now = this.clock.now();
    return {
      items: rows.map((row: never) => complaintView(row, principal, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(principal: Principal, id: string) {
    const row = await this.complaints.find(id);
    if (!row || !maySee(principal, row.region_code))
      throw UseCaseError.notFound(`no complaint ${id}, or not one you may see`);
    return complaintView(row, principal, this.clock.now());
  }
}
