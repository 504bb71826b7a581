import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptanceDeadline, dateInShanghai } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { maySee, requireInspector } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { ComplaintRepository } from '../../complaint.repository';

/**
 * The supplement a complaint was sent back for has arrived (补正材料): the complaint is undecided again and its
 * 5-working-day acceptance clock starts again from the day it arrived (docs/domain.md, intake).
 */
@Injectable()
export class ReceiveSupplementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, id: string, text: string) {
    requireInspector(principal, 'enter a supplement');
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaints.lock(manager, id);
      if (!complaint || !maySee(principal, complaint.region_code))
        throw UseCaseError.notFound(`no complaint ${id}, or not one you may see`);
      if (complaint.status !== 'SUPPLEMENT_REQUESTED')
        throw UseCaseError.conflict(
          'NOT_AWAITING_SUPPLEMENT',
          `complaint ${id} is ${complaint.status}, not waiting for a supplement: ask for one first`,
        );
      const now = this.clock.now();
      const acceptBy = acceptanceDeadline(dateInShanghai(now));
      await manager.query(
        `UPDATE "${S}".complaints SET status = 'PENDING', supplement_text = $2, supplement_received_at = $3,
           accept_by = $4 WHERE id = $1`,
        [id, text, now, acceptBy],
      );
      return { id, status: 'PENDING' as const, acceptBy };
    });
  }
}
