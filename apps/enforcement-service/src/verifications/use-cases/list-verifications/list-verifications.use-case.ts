import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regionPrefix } from '@wage/domain';
import { UseCaseError, isAdmin, type Principal } from '@wage/platform';
import { maySee } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { ListVerificationsQuery } from '../../dto/verification.dto';
import { VERIFICATION_COLUMNS, verificationView, type VerificationRow } from '../../verification.repository';

/**
 * The verification requests a caller may see, the earliest due first: a grid assistant those of their own grid
 * (and the grids inside it), another user those of their region, an administrator all. A grid asked for must be
 * one the caller covers.
 */
@Injectable()
export class ListVerificationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListVerificationsQuery) {
    let prefix = principal.kind === 'user' && !isAdmin(principal) ? regionPrefix(principal.regionCode) : '';
    if (query.gridCode !== undefined) {
      if (!maySee(principal, query.gridCode)) {
        const own = principal.kind === 'user' ? `your region ${principal.regionCode}` : 'this token';
        throw UseCaseError.forbidden(`${own} does not cover grid ${query.gridCode}`);
      }
      prefix = query.gridCode;
    }
    const where = [`grid_code LIKE $1`];
    const params: unknown[] = [`${prefix}%`];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${S}".verifications WHERE ${filter}`,
      params,
    );
    const rows: VerificationRow[] = await this.dataSource.query(
      `SELECT ${VERIFICATION_COLUMNS} FROM "${S}".verifications WHERE ${filter}
        ORDER BY due_by, requested_at, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(verificationView), total, page: query.page, pageSize: query.pageSize };
  }
}
