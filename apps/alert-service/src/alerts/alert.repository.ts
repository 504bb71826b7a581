import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertCode, AlertEvidence, AlertStatus, Severity } from '@wage/contracts';
import { regionPrefix } from '@wage/domain';
import type { Principal } from '@wage/platform';
import { SCHEMA } from '../schema';

/** An alert case as stored: the alert as the rules engine last described it, plus the workflow around it. */
export interface AlertCase {
  id: string;
  alertKey: string;
  code: AlertCode;
  severity: Severity;
  status: AlertStatus;
  projectCode: string;
  regionCode: string;
  /** The grid of its district the project is placed in (街道/乡镇 or 社区/村), if any. */
  gridCode: string | null;
  month: string | null;
  title: string;
  evidence: AlertEvidence;
  raisedAt: Date;
  updatedAt: Date;
  clearedAt: Date | null;
  assignee: string | null;
  detectedAt: Date;
  raiseCount: number;
  severitySince: Date;
  escalatedSeverity: Severity | null;
  /** When the rules engine recorded the last event applied (null on cases from before it was kept). */
  sourceRecordedAt: Date | null;
  /** While RESOLVED: the severity it was resolved at; only a rise above it reopens the case. */
  resolvedSeverity: Severity | null;
  /** The enforcement case opened from the alert, if any (read only: enforcement-service's events set it). */
  enforcementCase?: EnforcementCaseLink | null;
  /** The project's contractor (施工总承包单位) by credit code, as ProjectRegistered said; null when not known. */
  employerCreditCode?: string | null;
}

/** An enforcement case as the alert shows it. */
export interface EnforcementCaseLink {
  id: string;
  status: 'OPEN' | 'CLOSED';
  openedAt: string;
  closeBy: string;
  closedAt: string | null;
  closureCode: string | null;
}

export type NewAlertCase = Omit<AlertCase, 'id'>;

export interface AlertFilters {
  status?: AlertStatus;
  code?: AlertCode;
  severity?: Severity;
  projectCode?: string;
  regionCode?: string;
  month?: string;
  /** true: OPEN or ACKNOWLEDGED; false: RESOLVED, DISMISSED or CLEARED. */
  open?: boolean;
}

/** recent: newest first; urgency: most severe first, then the longest raised. */
export type AlertOrder = 'recent' | 'urgency';

/** The most `total` counts: past it the answer says `totalCapped` (the console shows "10000+"). */
export const TOTAL_CAP = 10_000;

// The urgency expression is indexed (migration 1765000700000-workbench-indexes): change both or neither.
const ORDER: Record<AlertOrder, string> = {
  recent: 'raised_at DESC, id',
  urgency: `CASE severity WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END, raised_at, id`,
};

/** The caseload of a scope: alerts to acknowledge, in hand, and not acknowledged by their escalation deadline. */
export interface AlertCounts {
  open: number;
  acknowledged: number;
  overdue: number;
}

const COLUMNS = `id, alert_key AS "alertKey", code, severity, status, project_code AS "projectCode",
  region_code AS "regionCode", grid_code AS "gridCode", month, title, evidence, raised_at AS "raisedAt", updated_at AS "updatedAt",
  cleared_at AS "clearedAt", assignee, detected_at AS "detectedAt", raise_count AS "raiseCount",
  severity_since AS "severitySince", escalated_severity AS "escalatedSeverity",
  source_recorded_at AS "sourceRecordedAt", resolved_severity AS "resolvedSeverity",
  (SELECT json_build_object('id', c.case_id, 'status', c.status, 'openedAt', c.opened_at, 'closeBy', c.close_by,
     'closedAt', c.closed_at, 'closureCode', c.closure_code)
   FROM "${SCHEMA}".alert_enforcement_cases c WHERE c.for_alert_key = alert_key) AS "enforcementCase",
  (SELECT p.contractor_credit_code FROM "${SCHEMA}".projects p WHERE p.code = project_code)
    AS "employerCreditCode"`;

/**
 * Alerts whose place lies within a region prefix: the project's grid when it has one, else its district. The
 * `region_code` test (on the prefix cut to a district's six digits) keeps the index in use; the second places
 * alerts below the district for a grid's prefix.
 */
const within = (param: string) =>
  `(starts_with(region_code, left(${param}::text, 6)) AND starts_with(coalesce(grid_code, region_code), ${param}::text))`;

/**
 * What a caller may see, as SQL: a user their region and everything in it, a project its own alerts, the
 * administrator everything. Anything else sees nothing.
 */
export function visibility(principal: Principal, nextParam: number): { sql: string; params: unknown[] } {
  switch (principal.kind) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'user':
      return { sql: within(`$${nextParam}`), params: [regionPrefix(principal.regionCode)] };
    case 'project':
      return { sql: `project_code = $${nextParam}`, params: [principal.projectCode] };
    case 'bank':
    case 'worker':
      return { sql: 'FALSE', params: [] };
  }
}

@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lockByKey(manager: EntityManager, alertKey: string): Promise<AlertCase | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts WHERE alert_key = $1 FOR UPDATE`,
      [alertKey],
    );
    return row;
  }

  async lockById(manager: EntityManager, id: string): Promise<AlertCase | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM "${SCHEMA}".alerts WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return row;
  }

  /** The alert if the caller may see it; another region's alert is indistinguishable from a missing one. */
  async findVisible(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AlertCase | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const scope = visibility(principal, 2);
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts WHERE id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    );
    return row;
  }

  async findMany(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<AlertCase[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts WHERE id = ANY($1::uuid[]) ORDER BY raised_at, id`,
      [ids],
    );
  }

  async list(
    principal: Principal,
    filters: AlertFilters,
    page: number,
    pageSize: number,
    order: AlertOrder = 'recent',
  ): Promise<{ items: AlertCase[]; total: number; totalCapped: boolean }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filters.status) add((p) => `status = ${p}`, filters.status);
    if (filters.code) add((p) => `code = ${p}`, filters.code);
    if (filters.severity) add((p) => `severity = ${p}`, filters.severity);
    if (filters.projectCode) add((p) => `project_code = ${p}`, filters.projectCode);
    if (filters.regionCode) add(within, regionPrefix(filters.regionCode));
    if (filters.month) add((p) => `month = ${p}`, filters.month);
    if (filters.open !== undefined)
      conditions.push(`status ${filters.open ? '' : 'NOT '}IN ('OPEN', 'ACKNOWLEDGED')`);
    const scope = visibility(principal, params.length + 1);
    conditions.push(scope.sql);
    params.push(...scope.params);
    const where = conditions.join(' AND ');
    // Counted up to the cap only: counting a province's million alerts for a page of 50 would cost more than
    // reading the page, and nobody pages past 200 pages (filters narrow the list instead).
    const [{ counted }] = await this.dataSource.query(
      `SELECT count(*)::int AS counted FROM (SELECT 1 FROM "${SCHEMA}".alerts WHERE ${where} LIMIT ${TOTAL_CAP + 1}) c`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts WHERE ${where}
       ORDER BY ${ORDER[order]} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total: Math.min(counted, TOTAL_CAP), totalCapped: counted > TOTAL_CAP };
  }

  /**
   * How many of the caller's alerts (within `regionCode` if given) wait to be acknowledged, are in hand, and are
   * still unacknowledged after their severity's escalation deadline (hours per severity; others never fall due).
   */
  async counts(
    principal: Principal,
    regionCode: string | undefined,
    escalateAfterHours: Partial<Record<Severity, number>>,
    now: Date,
  ): Promise<AlertCounts> {
    const entries = Object.entries(escalateAfterHours) as [Severity, number][];
    const params: unknown[] = [entries.map(([s]) => s), entries.map(([, h]) => h), now];
    const conditions = [`status IN ('OPEN', 'ACKNOWLEDGED')`];
    if (regionCode) {
      params.push(regionPrefix(regionCode));
      conditions.push(within(`$${params.length}`));
    }
    const scope = visibility(principal, params.length + 1);
    conditions.push(scope.sql);
    params.push(...scope.params);
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'OPEN')::int AS open,
         count(*) FILTER (WHERE status = 'ACKNOWLEDGED')::int AS acknowledged,
         count(*) FILTER (WHERE status = 'OPEN' AND d.hours IS NOT NULL
           AND severity_since + d.hours * interval '1 hour' <= $3)::int AS overdue
       FROM "${SCHEMA}".alerts
       LEFT JOIN unnest($1::text[], $2::int[]) AS d (due_severity, hours) ON d.due_severity = severity
       WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return row;
  }

  async insert(manager: EntityManager, alert: NewAlertCase): Promise<AlertCase> {
    const [row] = await manager.query(
      `INSERT INTO "${SCHEMA}".alerts (alert_key, code, severity, status, project_code, region_code, month, title,
         evidence, raised_at, updated_at, cleared_at, assignee, detected_at, raise_count, severity_since,
         escalated_severity, source_recorded_at, resolved_severity, grid_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING ${COLUMNS}`,
      [alert.alertKey, ...caseValues(alert)],
    );
    return row;
  }

  /** Writes the whole case back (it was locked with lockByKey or lockById in the same transaction). */
  async save(manager: EntityManager, alert: AlertCase): Promise<void> {
    await manager.query(
      `UPDATE "${SCHEMA}".alerts SET code = $2, severity = $3, status = $4, project_code = $5, region_code = $6,
         month = $7, title = $8, evidence = $9, raised_at = $10, updated_at = $11, cleared_at = $12, assignee = $13,
         detected_at = $14, raise_count = $15, severity_since = $16, escalated_severity = $17,
         source_recorded_at = $18, resolved_severity = $19, grid_code = $20
       WHERE id = $1`,
      [alert.id, ...caseValues(alert)],
    );
  }

  /** Open alerts of escalating severities that nobody acknowledged in time and that were not escalated yet. */
  async dueForEscalation(
    manager: EntityManager,
    deadlines: { severity: Severity; notifiedBefore: Date }[],
  ): Promise<AlertCase[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts a
       JOIN unnest($1::text[], $2::timestamptz[]) AS d (due_severity, notified_before) ON d.due_severity = a.severity
       WHERE a.status = 'OPEN' AND a.severity_since <= d.notified_before
         AND a.escalated_severity IS DISTINCT FROM a.severity
       ORDER BY a.severity_since, a.id
       FOR UPDATE OF a SKIP LOCKED`,
      [deadlines.map((d) => d.severity), deadlines.map((d) => d.notifiedBefore)],
    );
  }

  /** Open BLUE alerts known before `before` (the digest use case leaves out those a person already had). */
  async blueAlertsAwaitingDigest(manager: EntityManager, before: Date): Promise<AlertCase[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".alerts
       WHERE severity = 'BLUE' AND status IN ('OPEN', 'ACKNOWLEDGED') AND severity_since <= $1
       ORDER BY raised_at, id`,
      [before],
    );
  }
}

/** The case's columns from `code` to `grid_code`, in the order insert and save both bind them ($2…$20). */
function caseValues(alert: NewAlertCase): unknown[] {
  return [
    alert.code,
    alert.severity,
    alert.status,
    alert.projectCode,
    alert.regionCode,
    alert.month,
    alert.title,
    JSON.stringify(alert.evidence),
    alert.raisedAt,
    alert.updatedAt,
    alert.clearedAt,
    alert.assignee,
    alert.detectedAt,
    alert.raiseCount,
    alert.severitySince,
    alert.escalatedSeverity,
    alert.sourceRecordedAt,
    alert.resolvedSeverity,
    alert.gridCode,
  ];
}
