import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerMonthAnswered } from '@wage/contracts';
import { maskPersonName } from '@wage/domain';
import { UseCaseError, newEvent, OutboxWriter, PersonalDataCipher, Clock } from '@wage/platform';
import type { AnswerMonth } from '../../dto/answer-month.dto';

export interface MonthAnswer {
  projectCode: string;
  month: string;
  result: AnswerMonth['result'];
  reason: AnswerMonth['reason'] | null;
  answeredAt: string;
}

/**
 * 工资确认: the worker confirms or disputes a month of one project they are on the sheet or attendance of. Stored
 * (the note encrypted) with a WorkerMonthAnswered event in the same transaction; the latest answer stands.
 */
@Injectable()
export class AnswerMonthUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async execute(
    idHash: string,
    projectCode: string,
    month: string,
    answer: AnswerMonth,
  ): Promise<MonthAnswer> {
    const answeredAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const [worker] = await manager.query(
        `SELECT w.id, w.id_masked, w.name FROM roster.workers w
          WHERE w.id_hash = $1 AND w.project_code = $2
            AND (EXISTS (SELECT 1 FROM roster.attendance a
                          WHERE a.worker_id = w.id AND a.project_code = $2 AND a.month = $3)
              OR EXISTS (SELECT 1 FROM roster.pay_sheet_lines l
                          WHERE l.worker_id = w.id AND l.project_code = $2 AND l.month = $3))`,
        [idHash, projectCode, month],
      );
      // The same answer whether the project does not exist or the worker has no such month there.
      if (!worker)
        throw UseCaseError.notFound(
          `您在项目 ${projectCode} 没有 ${month} 的考勤或工资记录，请从“我的工资”中选择月份 (no such month of yours)`,
        );
      await manager.query(
        `INSERT INTO roster.worker_confirmations (project_code, month, worker_id, result, reason, note_encrypted,
                                                  answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (project_code, month, worker_id) DO UPDATE SET result = EXCLUDED.result,
           reason = EXCLUDED.reason, note_encrypted = EXCLUDED.note_encrypted, answered_at = EXCLUDED.answered_at`,
        [
          projectCode,
          month,
          worker.id,
          answer.result,
          answer.reason ?? null,
          answer.note === undefined ? null : this.cipher.encrypt(answer.note),
          answeredAt,
        ],
      );
      await this.outbox.append(manager, [
        newEvent(WorkerMonthAnswered, projectCode, {
          workerId: worker.id,
          idHash,
          idMasked: worker.id_masked,
          nameMasked: maskPersonName(worker.name),
          month,
          result: answer.result,
          ...(answer.reason && { reason: answer.reason }),
          answeredAt: answeredAt.toISOString(),
        }),
      ]);
      return {
        projectCode,
        month,
        result: answer.result,
        reason: answer.reason ?? null,
        answeredAt: answeredAt.toISOString(),
      };
    });
  }
}
