import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AlertCode, RectificationOrdered } from '@wage/contracts';
import {
  checkExtraCompensation,
  checkPenalty,
  DomainError,
  EXTENSION_WORKING_DAYS,
  investigationDeadline,
  type Month,
  monthRange,
  WAGE_VIOLATIONS,
} from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type Principal } from '@wage/platform';
import { actorOf, requireInspector } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { CaseRepository } from '../../case.repository';
import { caseClock, type CaseRow } from '../../case-view';
import type { RecordActionDto } from '../../dto/case.dto';
import { openCaseVisibleTo } from '../case-guards';
import { eventKey } from '../open-case/open-case.use-case';

/** The months an order is watched for at most: those of a complaint's period, the latest first kept. */
const MAX_ORDER_MONTHS = 24;

/** A bound of the law the action breaks (a penalty outside its article's range, a second extension): 422. */
function outOfLaw(error: unknown): never {
  if (error instanceof DomainError)
    throw new UseCaseError('UNPROCESSABLE', 'OUT_OF_RANGE', error.message, [
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
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(principal: Principal, caseId: string, action: RecordActionDto) {
    const inspector = requireInspector(principal, 'act on a case');
    const now = this.clock.now();
    if (new Date(action.at).getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw UseCaseError.invalid('at is in the future: record an action once it has been taken', [
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
          throw new UseCaseError(
            'UNPROCESSABLE',
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
      const watchedMonths =
        action.kind === 'RECTIFICATION_ORDER' ? await this.watch(manager, row, id, action, now) : undefined;
      return {
        id,
        caseId,
        kind: action.kind,
        clock: caseClock(row, now),
        ...(watchedMonths && { watchedMonths }),
      };
    });
  }

  /**
   * A rectification order about a project is published for the rules engine, which raises RECTIFICATION_OVERDUE once
   * its deadline passes with the violation still in the data. Its months: the one the inspector named, else the
   * alert's, else the complaint's period. Answers the months watched ([] when the case names no project or month).
   */
  private async watch(
    manager: EntityManager,
    row: CaseRow,
    actionId: string,
    action: RecordActionDto,
    now: Date,
  ): Promise<Month[]> {
    if (row.project_code === null) return [];
    const alert = (row.evidence as { alert?: { code?: string; month?: string | null } } | null)?.alert;
    let months: Month[] = [];
    if (action.month) months = [action.month];
    else if (alert?.month) months = [alert.month];
    else if (row.complaint_id) {
      const [complaint]: { period_from: Month; period_to: Month }[] = await manager.query(
        `SELECT period_from, period_to FROM "${S}".complaints WHERE id = $1`,
        [row.complaint_id],
      );
      if (complaint) months = monthRange(complaint.period_from, complaint.period_to).slice(-MAX_ORDER_MONTHS);
    }
    if (months.length === 0) return [];
    // An order about an alert that is not about wages (a pay sheet, an account) is heeded when that alert's
    // condition ends; an order that states wages owed, or about wages, when they are paid.
    const alertCode = AlertCode.safeParse(alert?.code);
    const violations =
      alertCode.success && !WAGE_VIOLATIONS.includes(alertCode.data) && action.amount === undefined
        ? [alertCode.data]
        : [...WAGE_VIOLATIONS];
    await this.outbox.append(manager, [
      newEvent(
        RectificationOrdered,
        eventKey(row.project_code, row.id),
        {
          caseId: row.id,
          actionId,
          projectCode: row.project_code,
          months,
          regionCode: row.region_code,
          deadline: action.deadline!,
          violations,
          ordersPayment: violations.some((code) => WAGE_VIOLATIONS.includes(code)),
          ...(action.amount !== undefined && { amountFen: action.amount }),
          ...(action.documentNo && { documentNo: action.documentNo }),
          orderedAt: new Date(action.at).toISOString(),
        },
        now,
      ),
    ]);
    return months;
  }
}
