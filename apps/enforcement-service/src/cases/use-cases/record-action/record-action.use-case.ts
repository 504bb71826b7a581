import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  checkExtraCompensation,
  checkPenalty,
  DomainError,
  EXTENSION_WORKING_DAYS,
  investigationDeadline,
} from '@wage/domain';
import { ApiError, Clock, type Principal } from '@wage/platform';
import { actorOf, requireInspector } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { CaseStore } from '../../case-store';
import { caseClock } from '../../case-view';
import type { RecordActionDto } from '../../dto/case.dto';
import { openCaseVisibleTo } from '../case-guards';

/** A bound of the law the action breaks (a penalty outside its article's range, a second extension): 422. */
function outOfLaw(error: unknown): never {
  if (error instanceof DomainError)
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'OUT_OF_RANGE', error.message, [
      { field: error.field ?? 'amount', code: error.code, message: error.message },
    ]);
  throw error;
}

/** An instant may be a few minutes ahead of this server's clock, never more: actions are recorded, not planned. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records an action on an open case: summons, inspection, orders, decisions, penalty, extra compensation,
 * transfers, and the one extension of the investigation clock. An order or decision with an amount states the
 * wages owed; the extra compensation is measured against it.
 */
@Injectable()
export class RecordActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, caseId: string, action: RecordActionDto) {
    const inspector = requireInspector(principal, 'act on a case');
    const now = this.clock.now();
    if (new Date(action.at).getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw ApiError.badRequest('at is in the future: record an action once it has been taken', [
        { field: 'at', code: 'IN_FUTURE', message: 'must not be in the future' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const row = openCaseVisibleTo(principal, await this.cases.lock(manager, caseId));
      const owedFen = Number(row.wages_owed_fen);
      try {
        if (action.kind === 'PENALTY') checkPenalty(action.article!, action.amount!);
        if (action.kind === 'EXTRA_COMPENSATION') checkExtraCompensation(owedFen, action.amount!);
      } catch (error) {
        outOfLaw(error);
      }
      if (action.kind === 'EXTENSION') {
        if (row.extended)
          throw new ApiError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            'EXTENSION_USED',
            `case ${caseId} was already extended once by ${EXTENSION_WORKING_DAYS} working days (to ${row.close_by}); ` +
              'the law allows one extension',
          );
        const closeBy = investigationDeadline(row.opened_on, true);
        await manager.query(`UPDATE "${S}".cases SET extended = true, close_by = $2 WHERE id = $1`, [
          caseId,
          closeBy,
        ]);
        row.extended = true;
        row.close_by = closeBy;
      }
      const statesWagesOwed =
        (action.kind === 'RECTIFICATION_ORDER' || action.kind === 'HANDLING_DECISION') &&
        action.amount !== undefined;
      if (statesWagesOwed)
        await manager.query(`UPDATE "${S}".cases SET wages_owed_fen = $2 WHERE id = $1`, [
          caseId,
          action.amount,
        ]);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO "${S}".case_actions (id, case_id, kind, at, actor, note, deadline, amount_fen, article, document_no,
           recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          caseId,
          action.kind,
          action.at,
          actorOf(inspector),
          action.note,
          action.deadline ?? null,
          action.amount ?? null,
          action.article ?? null,
          action.documentNo ?? null,
          now,
        ],
      );
      return { id, caseId, kind: action.kind, clock: caseClock(row, now) };
    });
  }
}
