import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VerificationOverdue } from '@wage/contracts';
import { dateInShanghai, workingDaysLeft } from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { VERIFICATION_COLUMNS, type VerificationRow } from '../../verification-store';

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
              verificationId: row.id,
              subject: row.subject,
              ...(row.alert_key && { alertKey: row.alert_key }),
              ...(row.code && { code: row.code as never }),
              ...(row.severity && { severity: row.severity as never }),
              ...(row.complaint_id && { complaintId: row.complaint_id }),
              ...(row.project_code && { projectCode: row.project_code }),
              gridCode: row.grid_code,
              regionCode: row.region_code,
              requestedAt: new Date(row.requested_at).toISOString(),
              dueBy: row.due_by,
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
