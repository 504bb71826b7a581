import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertStatus, Severity, VerificationResult } from '@wage/contracts';
import { SCHEMA } from '../schema';

export type AuditAction =
  | 'RAISED'
  | 'UPDATED'
  /** The data still show the condition of a case a person closed; it stays closed. */
  | 'PERSISTS'
  /** A resolved case whose severity rose above the one it was resolved at. */
  | 'REOPENED'
  | 'CLEARED'
  | 'SUPPRESSED'
  | 'ACKNOWLEDGED'
  | 'ASSIGNED'
  | 'RESOLVED'
  | 'DISMISSED'
  | 'ESCALATED'
  /** enforcement-service opened a case (立案) from the alert, or closed it (结案). */
  | 'CASE_OPENED'
  | 'CASE_CLOSED'
  /** A grid assistant's (or inspector's) site visit verified the alert (核实); its status does not change. */
  | 'VERIFIED';

export interface AuditEntry {
  alertId: string | null;
  alertKey: string;
  at: Date;
  /** `describePrincipal` of a person, `rules-engine` for its events, `system` for escalation. */
  actor: string;
  action: AuditAction;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  severity: Severity | null;
  note: string | null;
  details?: Record<string, unknown>;
}

/** One entry of an alert's history, as the API shows it. */
export interface HistoryEntry {
  at: string;
  actor: string;
  action: AuditAction;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  severity: Severity | null;
  note: string | null;
  /** On a `VERIFIED` entry: the visit's result (its findings are the note) and the visit. */
  result?: VerificationResult;
  visitId?: string;
}

/** The append-only audit log (the table refuses UPDATE and DELETE): every state change, who made it and when. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO "${SCHEMA}".audit_log (alert_id, alert_key, at, actor, action, from_status, to_status, severity,
         note, details)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
      [
        entries.map((e) => e.alertId),
        entries.map((e) => e.alertKey),
        entries.map((e) => e.at),
        entries.map((e) => e.actor),
        entries.map((e) => e.action),
        entries.map((e) => e.fromStatus),
        entries.map((e) => e.toStatus),
        entries.map((e) => e.severity),
        entries.map((e) => e.note),
        entries.map((e) => JSON.stringify(e.details ?? {})),
      ],
    );
  }

  /**
   * An alert's history in the order things happened: by the instant of each entry (what the rules engine
   * detected, what a person did), not the order they reached this service. An event delivered after a person acted,
   * about an earlier instant, comes before that action; entries of the same instant keep their order of arrival.
   */
  async history(alertId: string, manager: EntityManager = this.dataSource.manager): Promise<HistoryEntry[]> {
    return (await this.histories([alertId], manager)).get(alertId) ?? [];
  }

  /** The histories of several alerts in one query (a page of a list), each in the order of `history`. */
  async histories(
    alertIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, HistoryEntry[]>> {
    const rows: (Omit<HistoryEntry, 'at'> & {
      at: Date;
      alertId: string;
      details: { result?: VerificationResult; visitId?: string };
    })[] = await manager.query(
      `SELECT alert_id AS "alertId", at, actor, action, from_status AS "fromStatus", to_status AS "toStatus",
              severity, note, details
       FROM "${SCHEMA}".audit_log WHERE alert_id = ANY($1::uuid[]) ORDER BY at, id`,
      [alertIds],
    );
    const byAlert = new Map<string, HistoryEntry[]>(alertIds.map((id) => [id, []]));
    for (const { alertId, details, ...entry } of rows)
      byAlert.get(alertId)!.push({
        ...entry,
        at: entry.at.toISOString(),
        ...(entry.action === 'VERIFIED' ? { result: details.result, visitId: details.visitId } : {}),
      });
    return byAlert;
  }
}
