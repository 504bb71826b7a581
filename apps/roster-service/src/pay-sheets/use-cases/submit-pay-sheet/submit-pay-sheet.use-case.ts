import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_ROWS_PER_EVENT, PaySheetSubmitted, payLineTotals } from '@wage/contracts';
import { formatYuan, type Month } from '@wage/domain';
import { BlindIndex, OutboxWriter, newEvent, type IdempotentAnswer } from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import { Clock } from '../../../core/clock';
import { IdempotentTransaction, type BatchRequest } from '../../../core/idempotent-transaction';
import { refuseFutureMonth, refuseMonthBeforeStart } from '../../../core/month-check';
import { checkBatchSize, inParts } from '../../../core/row-errors';
import { ROSTER_SETTINGS } from '../../../core/tokens';
import { ProjectAccess } from '../../../projects/project-access';
import { checkRollRows } from '../../../workers/roll-rows';
import { checkPayLine } from '../../check-pay-line';
import { payLine } from '../../dto/submit-pay-sheet.dto';

export interface SubmitPaySheetAnswer {
  month: Month;
  lines: number;
  grossPay: string;
  netPay: string;
  /** True when this sheet replaced one submitted earlier for the month. */
  replaced: boolean;
  submissionId: string;
}

/**
 * Stores a month's pay sheet (工资支付表), replacing any earlier sheet for that month whole, and publishes it in
 * parts of at most MAX_ROWS_PER_EVENT lines with the totals of the whole sheet.
 */
@Injectable()
export class SubmitPaySheetUseCase {
  constructor(
    private readonly transaction: IdempotentTransaction,
    private readonly access: ProjectAccess,
    private readonly outbox: OutboxWriter,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  async execute(
    projectCode: string,
    month: Month,
    rows: readonly unknown[],
    request: BatchRequest,
  ): Promise<IdempotentAnswer<SubmitPaySheetAnswer>> {
    checkBatchSize(rows.length, this.settings.batchCap);
    return this.transaction.run(request, async (manager) => {
      refuseFutureMonth(month, this.clock.currentMonth());
      refuseMonthBeforeStart(month, await this.access.lockForBatch(manager, projectCode));
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
      return { status: 201, body };
    });
  }
}
