import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compareDates, dateInShanghai } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { actorOf } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { requireOfficer } from '../../blacklist-access';
import { BlacklistRepository } from '../../blacklist.repository';
import type { StatementDto } from '../../dto/blacklist.dto';

/** 陈述申辩: the employer's statement, recorded within its 5 working days; once recorded the decision may follow. */
@Injectable()
export class RecordStatementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BlacklistRepository,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, id: string, statement: StatementDto) {
    const officer = requireOfficer(principal, "record an employer's statement");
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.lockVisible(manager, principal, id);
      if (row.status !== 'NOTIFIED')
        throw UseCaseError.conflict(
          'PROCEDURE_DECIDED',
          `blacklist procedure ${id} is ${row.status}, not awaiting a statement`,
        );
      if (row.statement_at !== null)
        throw UseCaseError.conflict(
          'STATEMENT_RECORDED',
          `the statement of procedure ${id} is recorded already`,
        );
      if (compareDates(dateInShanghai(now), row.statement_by) > 0)
        throw UseCaseError.conflict(
          'STATEMENT_PERIOD_OVER',
          `the statement period of procedure ${id} ended on ${row.statement_by}; the decision may be made now`,
        );
      await manager.query(
        `UPDATE "${S}".blacklist_procedures SET statement_text = $2, statement_at = $3 WHERE id = $1`,
        [id, statement.text, now],
      );
      await this.store.audit(manager, id, 'STATEMENT', now, actorOf(officer), {
        length: statement.text.length,
      });
      return { id, status: row.status, statementRecorded: true };
    });
  }
}
