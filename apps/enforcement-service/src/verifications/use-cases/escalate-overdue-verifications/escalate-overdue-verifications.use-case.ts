import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VerificationOverdue } from '@wage/contracts';
import { dateInShanghai, workingDaysLeft } from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import {
  VERIFICATION_COLUMNS,
  verificationEventData,
  type VerificationRow,
} from '../../verification.repository';

/** Requests escalated per run at most; the next run takes the rest. */
const BATCH = 500;

/**
 * OPEN verification requests past their day (dueBy, 3 working days) are published once as VerificationOverdue,
 * for alert-service to send to the district's inspectors, and become ESCALATED (a visit can still do them).
 * Runs hourly (and on demand in tests); instances skip each other's rows.
 */
@Injectable()
export class EscalateOverdueVerificationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(now: Date): Promise<{ escalated: number }> {
    const today = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const due: VerificationRow[] = await manager.query(
        `SELECT ${VERIFICATION_COLUMNS} FROM "${S}".verifications
          WHERE status = 'OPEN' AND due_by < $1::date
          ORDER BY due_by, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [today],
      );
      if (due.length === 0) return { escalated: 0 };
      await this.outbox.append(
        manager,
        due.map((row) =>
          newEvent(
            VerificationOverdue,
            row.grid_code,
            {
              ...verificationEventData(row),
              workingDaysOverdue: Math.max(1, -workingDaysLeft(today, row.due_by)),
            },
            now,
          ),
        ),
      );
      await manager.query(
        `UPDATE "${S}".verifications SET status = 'ESCALATED', escalated_at = $2 WHERE id = ANY($1::uuid[])`,
        [due.map((row) => row.id), now],
      );
      return { escalated: due.length };
    });
  }
}
