import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dateInShanghai, maskIdentityNumber, maskPersonName, statementDeadline } from '@wage/domain';
import { UseCaseError, BlindIndex, Clock, PersonalDataCipher, type Principal } from '@wage/platform';
import { actorOf } from '../../../access/casework-access';
import { CaseRepository } from '../../../cases/case.repository';
import { visibleTo } from '../../../cases/use-cases/case-guards';
import { SCHEMA as S } from '../../../schema';
import { requireOfficer } from '../../blacklist-access';
import type { GiveNoticeDto } from '../../dto/blacklist.dto';

const DEFAULT_REASON = '拖欠农民工工资，经责令限期支付逾期仍未支付';

/**
 * 事先告知: the notice that starts the listing procedure (人社部令第45号), for an employer that a case ordered to pay
 * wages by a deadline now passed with wages still owed. The persons named are stored encrypted; the statement
 * period (陈述申辩) is 5 working days. Audited.
 */
@Injectable()
export class GiveNoticeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, notice: GiveNoticeDto) {
    const officer = requireOfficer(principal, 'give notice of a listing');
    const now = this.clock.now();
    const today = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.cases.lock(manager, notice.caseId);
      visibleTo(principal, row);
      if (row.employer_credit_code !== notice.creditCode)
        throw unprocessable(
          'CASE_OF_ANOTHER_EMPLOYER',
          `case ${row.id} is against ${row.employer_credit_code ?? 'an employer without a credit code'}, not ` +
            `${notice.creditCode}: name the case that found this employer's arrears`,
          'caseId',
        );
      const [order]: { deadline: string }[] = await manager.query(
        `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline FROM "${S}".case_actions
         WHERE case_id = $1 AND kind IN ('RECTIFICATION_ORDER', 'HANDLING_DECISION') AND deadline < $2::date
         ORDER BY deadline LIMIT 1`,
        [row.id, today],
      );
      const outstanding = Number(row.wages_owed_fen) - Number(row.recovered_fen);
      if (!order || outstanding <= 0)
        throw unprocessable(
          'NOT_LISTABLE',
          `an employer is listed only after an order to pay wages by a deadline (限期改正指令书 or 行政处理决定) that ` +
            `passed with wages still owed; case ${row.id} has ` +
            (order ? 'no wages outstanding' : 'no such order whose deadline has passed'),
          'caseId',
        );
      const id = randomUUID();
      const statementBy = statementDeadline(today);
      const reason = notice.reason ?? DEFAULT_REASON;
      try {
        await manager.query(
          `INSERT INTO "${S}".blacklist_procedures (id, status, credit_code, employer_name, case_id, region_code, reason,
             notified_at, notice_on, statement_by, notified_by)
           VALUES ($1, 'NOTIFIED', $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            id,
            notice.creditCode,
            row.employer_name,
            row.id,
            row.region_code,
            reason,
            now,
            today,
            statementBy,
            actorOf(officer),
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw UseCaseError.conflict(
            'PROCEDURE_OPEN',
            `a listing procedure for ${notice.creditCode} on case ${row.id} is already under way or in force`,
          );
        throw error;
      }
      for (const [position, person] of notice.persons.entries())
        await manager.query(
          `INSERT INTO "${S}".blacklist_persons (id, procedure_id, position, name, name_masked, role, id_enc, id_hash,
             id_masked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            randomUUID(),
            id,
            position,
            person.name,
            maskPersonName(person.name),
            person.role,
            this.cipher.encrypt(person.idNumber),
            this.blindIndex.hash('id', person.idNumber),
            maskIdentityNumber(person.idNumber),
          ],
        );
      await manager.query(
        `INSERT INTO "${S}".blacklist_audit (procedure_id, step, at, actor, detail) VALUES ($1, 'NOTICE', $2, $3, $4)`,
        [
          id,
          now,
          actorOf(officer),
          JSON.stringify({
            caseId: row.id,
            persons: notice.persons.length,
            statementBy,
            orderDeadline: order.deadline,
          }),
        ],
      );
      return {
        id,
        status: 'NOTIFIED',
        creditCode: notice.creditCode,
        caseId: row.id,
        noticeOn: today,
        statementBy,
      };
    });
  }
}

export function unprocessable(code: string, message: string, field: string): UseCaseError {
  return new UseCaseError('UNPROCESSABLE', code, message, [{ field, code, message }]);
}
