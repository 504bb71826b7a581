import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  VerificationRequested,
  type AlertCode,
  type AlertEvent,
  type AlertRaised,
  type Severity,
  type VerificationRecorded,
} from '@wage/contracts';
import { addWorkingDays, dateInShanghai } from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { SCHEMA as S } from '../schema';

/** Working days a grid assistant has to verify on site (核实时限), counted from the day after the request. */
export const VERIFICATION_WORKING_DAYS = 3;

/** The alert severities that call for an on-site verification. */
const VERIFIED_SEVERITIES = new Set(['RED', 'ORANGE']);

/** A request as stored. */
export interface VerificationRow {
  id: string;
  subject: 'ALERT' | 'COMPLAINT';
  alert_key: string | null;
  complaint_id: string | null;
  code: AlertCode | null;
  severity: Severity | null;
  project_code: string | null;
  grid_code: string;
  region_code: string;
  requested_at: Date;
  due_by: string;
  status: 'OPEN' | 'DONE' | 'ESCALATED' | 'WITHDRAWN';
  result: string | null;
  visit_id: string | null;
  escalated_at: Date | null;
}

export const VERIFICATION_COLUMNS = `id, subject, alert_key, complaint_id, code, severity, project_code, grid_code,
  region_code, requested_at, to_char(due_by, 'YYYY-MM-DD') AS due_by, status, result, visit_id, escalated_at`;

/** The request as the API shows it (absent fields left out). */
export function verificationView(row: VerificationRow) {
  return {
    id: row.id,
    subject: row.subject,
    ...(row.alert_key && { alertKey: row.alert_key }),
    ...(row.complaint_id && { complaintId: row.complaint_id }),
    ...(row.code && { code: row.code }),
    ...(row.severity && { severity: row.severity }),
    ...(row.project_code && { projectCode: row.project_code }),
    gridCode: row.grid_code,
    regionCode: row.region_code,
    requestedAt: new Date(row.requested_at).toISOString(),
    dueBy: row.due_by,
    status: row.status,
    ...(row.result && { result: row.result }),
    ...(row.visit_id && { visitId: row.visit_id }),
    ...(row.escalated_at && { escalatedAt: new Date(row.escalated_at).toISOString() }),
  };
}

/** What a request's events say about it: its subject, grid and district, when it was asked and by when. */
export function verificationEventData(row: VerificationRow) {
  return {
    verificationId: row.id,
    subject: row.subject,
    ...(row.alert_key && { alertKey: row.alert_key }),
    ...(row.code && { code: row.code }),
    ...(row.severity && { severity: row.severity }),
    ...(row.complaint_id && { complaintId: row.complaint_id }),
    ...(row.project_code && { projectCode: row.project_code }),
    gridCode: row.grid_code,
    regionCode: row.region_code,
    requestedAt: new Date(row.requested_at).toISOString(),
    dueBy: row.due_by,
  };
}

/** The district a grid lies in: its first six digits. */
export const districtOf = (gridCode: string): string => gridCode.slice(0, 6);

/** The day a request made at `requestedAt` is due: 3 working days of the official calendar later. */
export const verificationDueBy = (requestedAt: Date): string =>
  addWorkingDays(dateInShanghai(requestedAt), VERIFICATION_WORKING_DAYS);

interface NewRequest {
  subject: 'ALERT' | 'COMPLAINT';
  alertKey?: string;
  complaintId?: string;
  code?: string;
  severity?: string;
  projectCode?: string;
  gridCode: string;
}

/**
 * Verification requests: opened from the alert topic and from accepted complaints, withdrawn when their alert
 * ends before anyone verified it, done when a visit verifies them. Every write is set-based and in the caller's
 * transaction, and each new request is published as VerificationRequested through the outbox.
 */
@Injectable()
export class VerificationRepository {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * One batch of the alert topic: a RED or ORANGE AlertRaised in a grid opens a request (none while one for the
   * same alert stands), an AlertCleared or AlertDismissed withdraws the standing one. Within the batch the last
   * event of each alert decides, so a raise and its clearing in one batch leave no request.
   */
  async followAlerts(manager: EntityManager, events: AlertEvent[], now: Date): Promise<void> {
    const last = new Map<string, { raise?: AlertRaised; ended: boolean }>();
    for (const event of events) {
      if (event.type === 'AlertRaised') last.set(event.data.alertKey, { raise: event.data, ended: false });
      else if (event.type === 'AlertCleared' || event.type === 'AlertDismissed')
        last.set(event.data.alertKey, { ended: true });
    }
    const ended = [...last].filter(([, state]) => state.ended).map(([key]) => key);
    if (ended.length > 0)
      await manager.query(
        `UPDATE "${S}".verifications SET status = 'WITHDRAWN', withdrawn_at = $2
          WHERE alert_key = ANY($1::text[]) AND status IN ('OPEN', 'ESCALATED')`,
        [ended, now],
      );
    const raised = [...last.values()]
      .map((state) => state.raise)
      .filter((a): a is AlertRaised => !!a && !!a.gridCode && VERIFIED_SEVERITIES.has(a.severity));
    await this.open(
      manager,
      raised.map((a) => ({
        subject: 'ALERT',
        alertKey: a.alertKey,
        code: a.code,
        severity: a.severity,
        projectCode: a.projectCode,
        gridCode: a.gridCode!,
      })),
      now,
    );
  }

  /** An accepted complaint or clue in a grid (its project's, or its region when that is a grid code). */
  async requestForComplaint(
    manager: EntityManager,
    complaint: { id: string; projectCode?: string; gridCode: string },
    now: Date,
  ): Promise<void> {
    await this.open(
      manager,
      [
        {
          subject: 'COMPLAINT',
          complaintId: complaint.id,
          ...(complaint.projectCode && { projectCode: complaint.projectCode }),
          gridCode: complaint.gridCode,
        },
      ],
      now,
    );
  }

  /**
   * A visit verified something: the request it answers (by id, else the standing one about the same alert or
   * complaint) is DONE with the visit's result. An escalated request can still be done; a withdrawn one stays so.
   */
  async recordVerifications(
    manager: EntityManager,
    recorded: VerificationRecorded[],
    now: Date,
  ): Promise<void> {
    if (recorded.length === 0) return;
    await manager.query(
      `UPDATE "${S}".verifications v
          SET status = 'DONE', result = r.result, visit_id = r.visit_id, done_at = $6
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[])
              AS r(verification_id, alert_key, complaint_id, result, visit_id)
        WHERE v.status IN ('OPEN', 'ESCALATED')
          AND (v.id = r.verification_id
               OR (r.verification_id IS NULL AND (v.alert_key = r.alert_key OR v.complaint_id = r.complaint_id)))`,
      [
        recorded.map((r) => r.verificationId ?? null),
        recorded.map((r) => (r.subject === 'ALERT' ? (r.alertKey ?? null) : null)),
        recorded.map((r) => (r.subject === 'COMPLAINT' ? (r.complaintId ?? null) : null)),
        recorded.map((r) => r.result),
        recorded.map((r) => r.visitId),
        now,
      ],
    );
  }

  private async open(manager: EntityManager, requests: NewRequest[], now: Date): Promise<void> {
    if (requests.length === 0) return;
    const dueBy = verificationDueBy(now);
    // Two statements, one per kind of subject, because each has its own unique index to skip a standing request.
    const inserted: VerificationRow[] = [];
    for (const subject of ['ALERT', 'COMPLAINT'] as const) {
      const rows = requests.filter((r) => r.subject === subject);
      if (rows.length === 0) continue;
      const pick = <K extends keyof NewRequest>(key: K) => rows.map((r) => r[key] ?? null);
      inserted.push(
        ...((await manager.query(
          `INSERT INTO "${S}".verifications (id, subject, alert_key, complaint_id, code, severity, project_code,
             grid_code, region_code, requested_at, due_by, status)
           SELECT r.id, $1, r.alert_key, r.complaint_id, r.code, r.severity, r.project_code, r.grid_code,
                  left(r.grid_code, 6), $9, $10::date, 'OPEN'
             FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
                  AS r(id, alert_key, complaint_id, code, severity, project_code, grid_code)
           ${
             subject === 'ALERT'
               ? `ON CONFLICT (alert_key) WHERE status IN ('OPEN', 'ESCALATED') DO NOTHING`
               : `ON CONFLICT (complaint_id) DO NOTHING`
           }
           RETURNING ${VERIFICATION_COLUMNS}`,
          [
            subject,
            rows.map(() => randomUUID()),
            pick('alertKey'),
            pick('complaintId'),
            pick('code'),
            pick('severity'),
            pick('projectCode'),
            pick('gridCode'),
            now,
            dueBy,
          ],
        )) as VerificationRow[]),
      );
    }
    if (inserted.length === 0) return;
    await this.outbox.append(
      manager,
      inserted.map((row) => newEvent(VerificationRequested, row.grid_code, verificationEventData(row), now)),
    );
  }
}
