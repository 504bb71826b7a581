import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseOverdue } from '@wage/contracts';
import { dateInShanghai, workingDaysLeft } from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { eventKey } from '../open-case/open-case.use-case';

/** Cases escalated per run at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Open cases past their investigation limit (办结期限, with its extension) are published once per limit as
 * CaseOverdue, for alert-service to send to the leaders of the region above. An extension that moves the limit and
 * then passes again publishes anew. Runs hourly (and on demand in tests); instances skip each other's rows.
 */
@Injectable()
export class EscalateOverdueCasesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(now: Date): Promise<{ escalated: number }> {
    const today = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const due: {
        id: string;
        project_code: string | null;
        alert_key: string | null;
        region_code: string;
        employer_name: string;
        employer_credit_code: string | null;
        opened_at: Date;
        close_by: string;
        extended: boolean;
      }[] = await manager.query(
        `SELECT id, project_code, alert_key, region_code, employer_name, employer_credit_code, opened_at,
                to_char(close_by, 'YYYY-MM-DD') AS close_by, extended
           FROM "${S}".cases
          WHERE status = 'OPEN' AND close_by < $1::date
            AND overdue_escalated_close_by IS DISTINCT FROM close_by
          ORDER BY close_by, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [today],
      );
      for (const row of due) {
        await this.outbox.append(manager, [
          newEvent(
            CaseOverdue,
            eventKey(row.project_code, row.id),
            {
              caseId: row.id,
              ...(row.project_code && { projectCode: row.project_code }),
              ...(row.alert_key && { alertKey: row.alert_key }),
              regionCode: row.region_code,
              employer: {
                name: row.employer_name,
                ...(row.employer_credit_code && { creditCode: row.employer_credit_code }),
              },
              openedAt: new Date(row.opened_at).toISOString(),
              closeBy: row.close_by,
              extended: row.extended,
              workingDaysOverdue: Math.max(1, -workingDaysLeft(today, row.close_by)),
            },
            now,
          ),
        ]);
        await manager.query(
          `UPDATE "${S}".cases SET overdue_escalated_close_by = close_by, overdue_escalated_at = $2 WHERE id = $1`,
          [row.id, now],
        );
      }
      return { escalated: due.length };
    });
  }
}
