import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CoalescedCalls } from '@wage/platform';
import { SCHEMA } from '../schema';
import { USER_COLUMNS, type User } from '../users/user.repository';
import type { NotificationEvent } from './messages';
import type { Channel } from './routing';

export interface PlannedNotification {
  dedupeKey: string;
  alertIds: string[];
  recipient: string;
  channel: Channel;
  reason: string;
  event: NotificationEvent;
  /** The overdue case a `case.overdue` notification is about (its alertIds are empty). */
  caseId?: string | null;
  /** The verification a `verification.*` notification is about (its alertIds are empty). */
  verificationId?: string | null;
}

export interface NotificationRecord extends PlannedNotification {
  id: string;
  status: 'PENDING' | 'RETRYING' | 'SENT' | 'FAILED';
  attempts: number;
  errors: string[];
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `id, dedupe_key AS "dedupeKey", alert_ids AS "alertIds", recipient, channel, reason, event, status,
  attempts, errors, created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt", case_id AS "caseId",
  verification_id AS "verificationId"`;

/** The delivery log: one row per (alert or digest, person, channel, reason), which is also the job's id. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts what is new; a notification planned before (same key) is not planned again. Returns the new ones. */
  async insertNew(
    manager: EntityManager,
    planned: PlannedNotification[],
  ): Promise<{ id: string; channel: Channel; dedupeKey: string }[]> {
    if (planned.length === 0) return [];
    return manager.query(
      `INSERT INTO "${SCHEMA}".notifications (dedupe_key, alert_ids, recipient, channel, reason, event, case_id,
         verification_id)
       SELECT key, string_to_array(ids, ',')::uuid[], recipient, channel, reason, event, case_id, verification_id
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[],
         $8::uuid[]) AS p (key, ids, recipient, channel, reason, event, case_id, verification_id)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, channel, dedupe_key AS "dedupeKey"`,
      [
        planned.map((p) => p.dedupeKey),
        planned.map((p) => p.alertIds.join(',')),
        planned.map((p) => p.recipient),
        planned.map((p) => p.channel),
        planned.map((p) => p.reason),
        planned.map((p) => p.event),
        planned.map((p) => p.caseId ?? null),
        planned.map((p) => p.verificationId ?? null),
      ],
    );
  }

  /**
   * A notification with its recipient (undefined when the user is gone or disabled): a delivery's first read. The
   * reads of deliveries in flight at once are one statement.
   */
  findForDelivery(
    id: string,
  ): Promise<{ notification: NotificationRecord; recipient: User | undefined } | undefined> {
    return this.deliveryReads.call(id);
  }

  private readonly deliveryReads = new CoalescedCalls(async (ids: string[]) => {
    const rows: (NotificationRecord & { recipient_: User | null })[] = await this.dataSource.query(
      `SELECT ${COLUMNS},
              (SELECT row_to_json(u) FROM (SELECT ${USER_COLUMNS} FROM "${SCHEMA}".users
                  WHERE username = n.recipient AND disabled_at IS NULL) u) AS recipient_
       FROM "${SCHEMA}".notifications n WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(
      rows.map(({ recipient_: recipient, ...notification }) => [
        notification.id,
        { notification, recipient: recipient ?? undefined },
      ]),
    );
    return ids.map((id) => byId.get(id));
  });

  async forAlert(alertId: string, page: number, pageSize: number) {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${SCHEMA}".notifications WHERE $1 = ANY(alert_ids)`,
      [alertId],
    );
    const items: NotificationRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".notifications WHERE $1 = ANY(alert_ids)
       ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [alertId, pageSize, (page - 1) * pageSize],
    );
    return { items, total };
  }

  /** Alert ids already sent to this person in a digest, so no BLUE alert is in two digests. */
  async digestedAlertIds(manager: EntityManager, recipients: string[]): Promise<Set<string>> {
    const rows: { recipient: string; alert_id: string }[] = await manager.query(
      `SELECT DISTINCT recipient, unnest(alert_ids) AS alert_id FROM "${SCHEMA}".notifications
       WHERE event = 'digest' AND recipient = ANY($1::text[])`,
      [recipients],
    );
    return new Set(rows.map((row) => `${row.recipient}|${row.alert_id}`));
  }

  /**
   * Planned notifications that no run of their job has recorded anything for: the job may never have been queued
   * (Redis was down at commit), or BullMQ failed it without its handler running to the end (it stalled twice).
   */
  async stalePending(olderThan: Date): Promise<{ id: string; channel: Channel; dedupeKey: string }[]> {
    return this.dataSource.query(
      `SELECT id, channel, dedupe_key AS "dedupeKey" FROM "${SCHEMA}".notifications
       WHERE status = 'PENDING' AND attempts = 0 AND created_at < $1 ORDER BY created_at LIMIT 1000`,
      [olderThan],
    );
  }

  /** Marks a notification sent; those of deliveries that finish at once are marked in one statement. */
  recordSent(id: string, attempt: number): Promise<void> {
    return this.sentRecords.call({ id, attempt });
  }

  private readonly sentRecords = new CoalescedCalls(async (sent: { id: string; attempt: number }[]) => {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".notifications n SET status = 'SENT', attempts = s.attempt, sent_at = now(),
         updated_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS s (id, attempt) WHERE n.id = s.id`,
      [sent.map((s) => s.id), sent.map((s) => s.attempt)],
    );
    return sent.map(() => undefined);
  });

  async recordFailure(id: string, attempt: number, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${SCHEMA}".notifications SET status = $4, attempts = $2, errors = errors || $3::text,
         updated_at = now() WHERE id = $1`,
      [id, attempt, `attempt ${attempt}: ${error}`.slice(0, 1_000), final ? 'FAILED' : 'RETRYING'],
    );
  }
}
