import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MAX_AMOUNT_FEN, dateInShanghai, formatYuan } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { actorOf, requireInspector } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { CaseRepository } from '../../case.repository';
import type { RecordRecoveryDto } from '../../dto/case.dto';
import { visibleTo } from '../case-guards';

/**
 * Records wages paid to the case's workers (清欠), also after the case closed: the employer may pay late. More than
 * the outstanding wages on record is refused, so that recovery rates never pass 100 %.
 */
@Injectable()
export class RecordRecoveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, caseId: string, recovery: RecordRecoveryDto) {
    const inspector = requireInspector(principal, 'record a recovery');
    const now = this.clock.now();
    if (recovery.paidOn > dateInShanghai(now))
      throw UseCaseError.invalid('paidOn is in the future: record a payment once it has been made', [
        { field: 'paidOn', code: 'IN_FUTURE', message: 'must not be in the future' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const row = visibleTo(principal, await this.cases.lock(manager, caseId));
      const owed = Number(row.wages_owed_fen);
      const outstanding = owed - Number(row.recovered_fen);
      if (owed > 0 && recovery.amount > outstanding)
        throw new UseCaseError(
          'UNPROCESSABLE',
          'MORE_THAN_OUTSTANDING',
          `case ${caseId} has ${formatYuan(Math.max(0, outstanding))} yuan outstanding of ${formatYuan(owed)} owed; ` +
            `${formatYuan(recovery.amount)} is more. Correct the wages owed with a handling decision first if they were higher`,
          [{ field: 'amount', code: 'MORE_THAN_OUTSTANDING', message: 'more than the wages outstanding' }],
        );
      // Without wages owed on record nothing bounds the sum above; 1000亿元 does, so that it stays exact.
      if (Number(row.recovered_fen) + recovery.amount > MAX_AMOUNT_FEN) {
        const message =
          `案件 ${caseId} 已追回 ${formatYuan(Number(row.recovered_fen))} 元，再加 ${formatYuan(recovery.amount)} 元将超过 ` +
          `${formatYuan(MAX_AMOUNT_FEN)} 元的上限，应是金额录入错误：请核对追回金额（未保存）`;
        throw new UseCaseError('UNPROCESSABLE', 'RECOVERED_TOO_LARGE', message, [
          { field: 'amount', code: 'RECOVERED_TOO_LARGE', message },
        ]);
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO "${S}".recoveries (id, case_id, amount_fen, workers, paid_on, note, actor, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          caseId,
          recovery.amount,
          recovery.workers,
          recovery.paidOn,
          recovery.note ?? null,
          actorOf(inspector),
          now,
        ],
      );
      const recovered = Number(row.recovered_fen) + recovery.amount;
      return {
        id,
        caseId,
        wages: {
          owed: formatYuan(owed),
          recovered: formatYuan(recovered),
          outstanding: formatYuan(Math.max(0, owed - recovered)),
        },
      };
    });
  }
}
