import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AttendanceReported, MAX_ROWS_PER_EVENT } from '@wage/contracts';
import { daysInMonth, type Month } from '@wage/domain';
import { BlindIndex, OutboxWriter, newEvent, type IdempotentAnswer, Clock } from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import { IdempotentTransaction, type BatchRequest } from '../../../common/idempotent-transaction';
import { refuseFutureMonth, refuseMonthBeforeStart } from '../../../common/month-check';
import { checkBatchSize, inParts } from '../../../common/row-errors';
import { ROSTER_SETTINGS } from '../../../common/tokens';
import { ProjectAccess } from '../../../projects/project-access';
import { checkRollRows } from '../../../workers/roll-rows';
import { attendanceRecord, type AttendanceRecord } from '../../dto/report-attendance.dto';

export interface ReportAttendanceAnswer {
  month: Month;
  records: number;
  submissionId: string;
}

/**
 * Records a month's attendance: each record sets that worker's days for the month, superseding an earlier report
 * for the same worker and month. Written set-based, published in parts of at most MAX_ROWS_PER_EVENT records.
 */
@Injectable()
export class ReportAttendanceUseCase {
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
  ): Promise<IdempotentAnswer<ReportAttendanceAnswer>> {
    checkBatchSize(rows.length, this.settings.batchCap);
    return this.transaction.run(request, async (manager) => {
      refuseFutureMonth(month, this.clock.currentMonth());
      refuseMonthBeforeStart(month, await this.access.lockForBatch(manager, projectCode));
      const maxDays = daysInMonth(month);
      const records = await checkRollRows({
        manager,
        projectCode,
        month,
        rows,
        schema: attendanceRecord,
        check: (record: AttendanceRecord) =>
          Number.isInteger(record.daysWorked) && record.daysWorked >= 0 && record.daysWorked <= maxDays
            ? { value: { daysWorked: record.daysWorked } }
            : {
                problems: [
                  {
                    field: 'daysWorked',
                    code: 'INVALID_DAYS',
                    message: `must be a whole number of days from 0 to ${maxDays}, the days in ${month}`,
                  },
                ],
              },
        blindIndex: this.blindIndex,
        today: this.clock.today(),
      });
      const submissionId = randomUUID();
      await manager.query(
        `INSERT INTO roster.attendance (project_code, month, submission_id, worker_id, days_worked)
         SELECT $1, $2, $3, * FROM unnest($4::uuid[], $5::smallint[])
         ON CONFLICT (project_code, month, worker_id) DO UPDATE SET
           days_worked = EXCLUDED.days_worked, submission_id = EXCLUDED.submission_id, reported_at = now()`,
        [projectCode, month, submissionId, records.map((r) => r.workerId), records.map((r) => r.daysWorked)],
      );
      const parts = inParts(records, MAX_ROWS_PER_EVENT);
      await this.outbox.append(
        manager,
        parts.map((part, i) =>
          newEvent(AttendanceReported, projectCode, {
            month,
            submissionId,
            part: i + 1,
            parts: parts.length,
            records: part.map(({ workerId, idHash, daysWorked }) => ({ workerId, idHash, daysWorked })),
          }),
        ),
      );
      return { outcome: 'CREATED', body: { month, records: records.length, submissionId } };
    });
  }
}
