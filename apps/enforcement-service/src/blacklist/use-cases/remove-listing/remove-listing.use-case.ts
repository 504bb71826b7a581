import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployerDelisted } from '@wage/contracts';
import { dateInShanghai, earliestRemoval, earlyRemovalProblems, isListedOn } from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type Principal } from '@wage/platform';
import { actorOf } from '../../../access/casework-access';
import { employerKey } from '../../../gradings/use-cases/run-grading/run-grading.use-case';
import { SCHEMA as S } from '../../../schema';
import { requireOfficer } from '../../blacklist-access';
import { BlacklistRepository } from '../../blacklist.repository';
import type { RemovalDto } from '../../dto/blacklist.dto';

const PROBLEM_TEXT = {
  ARREARS_UNPAID: '拖欠的工资尚未全部支付',
  TOO_SOON: '列入名单未满6个月',
  NO_PLEDGE: '未提交书面信用承诺',
} as const;

/**
 * 信用修复: early removal from the list, when the arrears are paid, 6 months have passed since the decision and a
 * written pledge is on file; published (EmployerDelisted) and audited. A refusal says each condition not met.
 */
@Injectable()
export class RemoveListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BlacklistRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, id: string, removal: RemovalDto) {
    const officer = requireOfficer(principal, 'remove a listing');
    const now = this.clock.now();
    const today = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.lockVisible(manager, principal, id);
      if (row.status !== 'LISTED' || !isListedOn(row.decided_on!, today))
        throw UseCaseError.conflict('NOT_LISTED', `blacklist procedure ${id} is not a listing in force`);
      const problems = earlyRemovalProblems({
        decidedOn: row.decided_on!,
        today,
        outstandingFen: Number(row.outstanding_fen),
        pledgeReference: removal.pledgeReference,
      });
      if (problems.length > 0)
        throw new UseCaseError(
          'UNPROCESSABLE',
          'EARLY_REMOVAL_REFUSED',
          `early removal (信用修复) needs the arrears paid, 6 months since the decision (from ` +
            `${earliestRemoval(row.decided_on!)}) and a written pledge: ${problems.map((p) => PROBLEM_TEXT[p]).join('；')}`,
          problems.map((code) => ({ code, message: PROBLEM_TEXT[code] })),
        );
      await manager.query(
        `UPDATE "${S}".blacklist_procedures SET status = 'REMOVED', removed_at = $2, removed_on = $3, removed_by = $4,
           pledge_reference = $5 WHERE id = $1`,
        [id, now, today, actorOf(officer), removal.pledgeReference],
      );
      await this.store.audit(manager, id, 'REMOVAL', now, actorOf(officer), {
        pledgeReference: removal.pledgeReference,
      });
      await this.outbox.append(manager, [
        newEvent(
          EmployerDelisted,
          employerKey(row.credit_code),
          { listingId: id, creditCode: row.credit_code, reason: 'EARLY_REMOVAL', delistedOn: today },
          now,
        ),
      ]);
      return { id, status: 'REMOVED', removedOn: today };
    });
  }
}
