import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployerListed } from '@wage/contracts';
import { dateInShanghai, decideListing } from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type Principal } from '@wage/platform';
import { actorOf } from '../../../access/casework-access';
import { employerKey } from '../../../gradings/use-cases/run-grading/run-grading.use-case';
import { SCHEMA as S } from '../../../schema';
import { requireOfficer } from '../../blacklist-access';
import { BlacklistRepository } from '../../blacklist.repository';
import type { DecisionDto } from '../../dto/blacklist.dto';

/**
 * 决定: list the employer for 3 years, or not. Not before the statement is in or its period over; wages paid in
 * full before the decision end the procedure without a listing. A listing is published (EmployerListed). Audited.
 */
@Injectable()
export class DecideListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BlacklistRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, id: string, decision: DecisionDto) {
    const officer = requireOfficer(principal, 'decide on a listing');
    const now = this.clock.now();
    const today = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.lockVisible(manager, principal, id);
      if (row.status !== 'NOTIFIED')
        throw UseCaseError.conflict(
          'PROCEDURE_DECIDED',
          `blacklist procedure ${id} is ${row.status} already`,
        );
      const outcome = decideListing({
        noticeOn: row.notice_on,
        statementReceived: row.statement_at !== null,
        today,
        outstandingFen: Number(row.outstanding_fen),
        listed: decision.listed,
      });
      if (outcome.outcome === 'STATEMENT_PERIOD_OPEN')
        throw UseCaseError.conflict(
          'STATEMENT_PERIOD_OPEN',
          `the employer may state its case (陈述申辩) until ${outcome.statementBy}; decide after that day or once ` +
            'its statement is recorded',
        );
      const listedUntil = outcome.outcome === 'LISTED' ? outcome.listedUntil : null;
      await manager.query(
        `UPDATE "${S}".blacklist_procedures SET status = $2, decided_at = $3, decided_on = $4, decided_by = $5,
           listed_until = $6 WHERE id = $1`,
        [id, outcome.outcome, now, today, actorOf(officer), listedUntil],
      );
      await this.store.audit(manager, id, 'DECISION', now, actorOf(officer), {
        outcome: outcome.outcome,
        asked: decision.listed ? 'LIST' : 'NOT_LIST',
        ...(decision.note && { note: decision.note }),
        ...(listedUntil && { listedUntil }),
      });
      if (listedUntil)
        await this.outbox.append(manager, [
          newEvent(
            EmployerListed,
            employerKey(row.credit_code),
            {
              listingId: id,
              creditCode: row.credit_code,
              employerName: row.employer_name,
              caseId: row.case_id,
              regionCode: row.region_code,
              reason: row.reason,
              decidedOn: today,
              listedUntil,
            },
            now,
          ),
        ]);
      return { id, status: outcome.outcome, decidedOn: today, listedUntil };
    });
  }
}
