import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_LOWERED_LINES_PER_EVENT,
  MAX_ROWS_PER_EVENT,
  PaySheetRevisionDecided,
  PaySheetRevisionSubmitted,
  PaySheetSubmitted,
  payLineTotals,
} from '@wage/contracts';
import type { EntityManager } from 'typeorm';
import {
  formatYuan,
  judgePaySheetResubmission,
  type Month,
  type PaySheetLineAmounts,
  type PaySheetResubmissionVerdict,
} from '@wage/domain';
import {
  BlindIndex,
  OutboxWriter,
  describePrincipal,
  newEvent,
  type IdempotentAnswer,
  type Written,
  Clock,
} from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import { IdempotentTransaction, type BatchRequest } from '../../../common/idempotent-transaction';
import { refuseFutureMonth, refuseMonthBeforeStart } from '../../../common/month-check';
import { checkBatchSize, inParts } from '../../../common/row-errors';
import { ROSTER_SETTINGS } from '../../../common/tokens';
import { ProjectAccess } from '../../../projects/project-access';
import { checkRollRows } from '../../../workers/roll-rows';
import { checkPayLine } from '../../check-pay-line';
import { payLine } from '../../dto/submit-pay-sheet.dto';
import {
  PaySheetRevisionRepository,
  type PaySheetRevisionView,
  type SheetInForce,
} from '../../pay-sheet-revision.repository';

export interface SubmitPaySheetAnswer {
  month: Month;
  lines: number;
  grossPay: string;
  netPay: string;
  /** True when this sheet replaced one submitted earlier for the month. */
  replaced: boolean;
  submissionId: string;
}

/** A sheet kept as a revision: it changes nothing until an inspector accepts it. */
export interface SubmitPaySheetRevisionAnswer {
  month: Month;
  code: 'REVISION_PENDING_REVIEW';
  message: string;
  revision: PaySheetRevisionView;
}

/**
 * Stores a month's pay sheet (工资支付表), replacing any earlier sheet for that month whole, and publishes it in
 * parts of at most MAX_ROWS_PER_EVENT lines with the totals of the whole sheet. A sheet that arrives after the
 * month's wage deadline and lowers or drops a line of the sheet in force is kept as a revision instead (202),
 * which an inspector accepts or rejects; the sheet in force stays until then. A sheet that replaces the one in
 * force ends the month's pending revisions (SUPERSEDED).
 */
@Injectable()
export class SubmitPaySheetUseCase {
  constructor(
    private readonly transaction: IdempotentTransaction,
    private readonly access: ProjectAccess,
    private readonly outbox: OutboxWriter,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
    private readonly revisions: PaySheetRevisionRepository,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  async execute(
    projectCode: string,
    month: Month,
    rows: readonly unknown[],
    request: BatchRequest,
  ): Promise<IdempotentAnswer<SubmitPaySheetAnswer | SubmitPaySheetRevisionAnswer>> {
    checkBatchSize(rows.length, this.settings.batchCap);
    return this.transaction.run<SubmitPaySheetAnswer | SubmitPaySheetRevisionAnswer>(
      request,
      async (manager) => {
        refuseFutureMonth(month, this.clock.currentMonth());
        const project = await this.access.lockForBatch(manager, projectCode);
        refuseMonthBeforeStart(month, project);
        const lines = await checkRollRows({
          manager,
          projectCode,
          month,
          rows,
          schema: payLine,
          check: checkPayLine,
          blindIndex: this.blindIndex,
          today: this.clock.today(),
        });
        const totals = payLineTotals(lines);
        const submissionId = randomUUID();
        const submittedBy = describePrincipal(request.principal);
        const submittedAt = this.clock.now();
        const inForce = await this.revisions.sheetInForce(manager, projectCode, month);
        const verdict = judgePaySheetResubmission({
          month,
          payday: project.payday,
          submittedAt,
          inForce: inForce?.lines ?? null,
          proposed: lines,
        });
        await this.supersedePending(manager, projectCode, month, submittedBy, verdict.isRevision);
        if (verdict.isRevision && inForce) {
          return this.keepAsRevision(manager, {
            projectCode,
            month,
            submissionId,
            submittedBy,
            submittedAt,
            inForce,
            verdict,
            lines,
          });
        }
        // The lines go with the old sheet (ON DELETE CASCADE); the project lock keeps two sheets from interleaving.
        const [{ replaced }] = await manager.query(
          `WITH old AS (DELETE FROM roster.pay_sheets WHERE project_code = $1 AND month = $2 RETURNING 1)
         SELECT count(*) > 0 AS replaced FROM old`,
          [projectCode, month],
        );
        await manager.query(
          `INSERT INTO roster.pay_sheets (project_code, month, submission_id, lines, gross_pay_fen, net_pay_fen)
         VALUES ($1, $2, $3, $4, $5, $6)`,
          [projectCode, month, submissionId, totals.lines, totals.grossPayFen, totals.netPayFen],
        );
        await manager.query(
          `INSERT INTO roster.pay_sheet_lines (project_code, month, worker_id, gross_pay_fen, net_pay_fen)
         SELECT $1, $2, * FROM unnest($3::uuid[], $4::bigint[], $5::bigint[])`,
          [
            projectCode,
            month,
            lines.map((l) => l.workerId),
            lines.map((l) => l.grossPayFen),
            lines.map((l) => l.netPayFen),
          ],
        );
        const parts = inParts(lines, MAX_ROWS_PER_EVENT);
        await this.outbox.append(
          manager,
          parts.map((part, i) =>
            newEvent(PaySheetSubmitted, projectCode, {
              month,
              replacesPrevious: replaced,
              submissionId,
              part: i + 1,
              parts: parts.length,
              lines: part.map(({ workerId, idHash, grossPayFen, netPayFen }) => ({
                workerId,
                idHash,
                grossPayFen,
                netPayFen,
              })),
              totals,
            }),
          ),
        );
        const body: SubmitPaySheetAnswer = {
          month,
          lines: totals.lines,
          grossPay: formatYuan(totals.grossPayFen),
          netPay: formatYuan(totals.netPayFen),
          replaced,
          submissionId,
        };
        return { outcome: 'CREATED', body };
      },
    );
  }

  /** Ends the month's pending revisions: the latest sheet, whichever it is, takes their place. */
  private async supersedePending(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    submittedBy: string,
    byRevision: boolean,
  ): Promise<void> {
    const reason = byRevision ? '被更晚提交的更正取代' : '被更晚提交的工资表取代';
    const superseded = await this.revisions.supersedePending(
      manager,
      projectCode,
      month,
      submittedBy,
      reason,
    );
    await this.outbox.append(
      manager,
      superseded.map(({ id, decidedAt }) =>
        newEvent(PaySheetRevisionDecided, projectCode, {
          month,
          revisionId: id,
          decision: 'SUPERSEDED',
          decidedBy: submittedBy,
          decidedAt: decidedAt.toISOString(),
          reason,
        }),
      ),
    );
  }

  /** Keeps the sheet beside the one in force as a revision (更正) an inspector decides, and says so (202). */
  private async keepAsRevision(
    manager: EntityManager,
    sheet: {
      projectCode: string;
      month: Month;
      submissionId: string;
      submittedBy: string;
      submittedAt: Date;
      inForce: SheetInForce;
      verdict: PaySheetResubmissionVerdict;
      lines: readonly (PaySheetLineAmounts & { idHash: string })[];
    },
  ): Promise<Written<SubmitPaySheetRevisionAnswer>> {
    const { projectCode, month, inForce, verdict, lines } = sheet;
    const revisionId = randomUUID();
    const totals = payLineTotals(lines);
    await this.revisions.insert(manager, {
      ...sheet,
      id: revisionId,
      deadline: verdict.deadline.deadline,
      totals,
    });
    // Dropped workers are not on the new lines: their blind index comes from the roll.
    const idHashes = new Map(lines.map((l) => [l.workerId, l.idHash]));
    const dropped = await this.revisions.idHashes(
      manager,
      verdict.lowered.filter((l) => !idHashes.has(l.workerId)).map((l) => l.workerId),
    );
    await this.outbox.append(manager, [
      newEvent(PaySheetRevisionSubmitted, projectCode, {
        month,
        revisionId,
        revisesSubmissionId: inForce.submissionId,
        submittedAt: sheet.submittedAt.toISOString(),
        deadline: verdict.deadline.deadline,
        totals,
        originalTotals: inForce.totals,
        linesLowered: verdict.lowered.length,
        workersDropped: verdict.lowered.filter((l) => l.revisedNetPayFen === null).length,
        lowered: verdict.lowered.slice(0, MAX_LOWERED_LINES_PER_EVENT).map((l) => ({
          ...l,
          idHash: idHashes.get(l.workerId) ?? dropped.get(l.workerId)!,
        })),
      }),
    ]);
    return {
      outcome: 'PENDING',
      body: {
        month,
        code: 'REVISION_PENDING_REVIEW',
        message:
          `工资支付期限（${verdict.deadline.deadline}）已过，本次提交下调或删去了${verdict.lowered.length}名工人的实发工资，` +
          '已作为更正保存，待项目所在地劳动保障监察员审核；审核通过前，欠薪与足额支付仍按原工资表判断。',
        revision: await this.revisions.view(revisionId, manager),
      },
    };
  }
}
