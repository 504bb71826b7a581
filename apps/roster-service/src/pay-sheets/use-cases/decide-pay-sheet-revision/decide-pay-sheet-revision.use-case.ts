import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MAX_ROWS_PER_EVENT,
  PaySheetRevisionDecided,
  PaySheetSubmitted,
  payLineTotals,
} from '@wage/contracts';
import type { Month } from '@wage/domain';
import {
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  newEvent,
  type Principal,
} from '@wage/platform';
import { inParts } from '../../../common/row-errors';
import { ProjectAccess } from '../../../projects/project-access';
import type { DecidePaySheetRevisionBody } from '../../dto/pay-sheet-revision.dto';
import { PaySheetRevisionRepository, type PaySheetRevisionView } from '../../pay-sheet-revision.repository';

export type RevisionDecision = 'ACCEPTED' | 'REJECTED';

/**
 * An inspector of the region or an administrator decides a pay-sheet revision, with a reason, once. Accepting
 * makes it the month's sheet in force: the sheet it revises is replaced (its amounts stay on the revision's
 * lines) and a PaySheetSubmitted with the revision's lines tells the rules engine, which evaluates the month
 * again. Rejecting leaves the sheet in force as it is. Either way a PaySheetRevisionDecided says who, when, why.
 */
@Injectable()
export class DecidePaySheetRevisionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly revisions: PaySheetRevisionRepository,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async execute(
    principal: Principal,
    code: string,
    month: Month,
    id: string,
    decision: RevisionDecision,
    { reason }: DecidePaySheetRevisionBody,
  ): Promise<PaySheetRevisionView> {
    const answer = await this.dataSource.transaction(async (manager) => {
      const project = await this.access.lockForBatch(manager, code);
      this.access.assertDecider(
        principal,
        project,
        '项目不能审核自己提交的工资表更正；由项目所在地的劳动保障监察员或管理员审核',
      );
      const revision = await this.revisions.findForUpdate(manager, code, month, id);
      if (!revision) throw UseCaseError.notFound(`项目 ${code} 的 ${month} 工资表没有更正 ${id}`);
      if (revision.status !== 'PENDING') {
        throw UseCaseError.conflict(
          'ALREADY_DECIDED',
          `更正 ${id} 已于 ${revision.decidedAt} 由 ${revision.decidedBy} 处理（${revision.status}），不能再次审核`,
        );
      }
      const decidedBy = describePrincipal(principal);
      if (decision === 'ACCEPTED')
        await this.makeSheetInForce(manager, code, month, revision.submissionId, id);
      const decidedAt = await this.revisions.decide(manager, id, decision, decidedBy, reason);
      await this.outbox.append(manager, [
        newEvent(PaySheetRevisionDecided, code, {
          month,
          revisionId: id,
          decision,
          decidedBy,
          decidedAt: decidedAt.toISOString(),
          reason,
        }),
      ]);
      return this.revisions.view(id, manager);
    });
    this.outboxRelay.relay.wake();
    return answer;
  }

  /** Replaces the month's sheet with the revision's lines, under the submission id the revision was given. */
  private async makeSheetInForce(
    manager: EntityManager,
    code: string,
    month: Month,
    submissionId: string,
    revisionId: string,
  ): Promise<void> {
    const lines = await this.revisions.revisedLines(manager, revisionId);
    if (lines.length === 0) {
      // The contract's sheets have at least one line; a revision always keeps one (a sheet has one at least).
      throw UseCaseError.conflict('EMPTY_REVISION', `更正 ${revisionId} 没有工资行，不能作为工资表生效`);
    }
    const totals = payLineTotals(lines);
    await manager.query(`DELETE FROM roster.pay_sheets WHERE project_code = $1 AND month = $2`, [
      code,
      month,
    ]);
    await manager.query(
      `INSERT INTO roster.pay_sheets (project_code, month, submission_id, lines, gross_pay_fen, net_pay_fen)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [code, month, submissionId, totals.lines, totals.grossPayFen, totals.netPayFen],
    );
    await manager.query(
      `INSERT INTO roster.pay_sheet_lines (project_code, month, worker_id, gross_pay_fen, net_pay_fen)
       SELECT $1, $2, worker_id, gross_pay_fen, net_pay_fen FROM roster.pay_sheet_revision_lines
       WHERE revision_id = $3 AND net_pay_fen IS NOT NULL`,
      [code, month, revisionId],
    );
    const parts = inParts(lines, MAX_ROWS_PER_EVENT);
    await this.outbox.append(
      manager,
      parts.map((part, i) =>
        newEvent(PaySheetSubmitted, code, {
          month,
          replacesPrevious: true,
          submissionId,
          part: i + 1,
          parts: parts.length,
          lines: part,
          totals,
        }),
      ),
    );
  }
}
