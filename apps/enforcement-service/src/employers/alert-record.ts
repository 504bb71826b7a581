import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { alertEvents, Topics, type AlertEvent } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA as S } from '../schema';

/**
 * Follows the alert lifecycle into `alert_record`: raised (again) opens the row and counts it, an update keeps the
 * severity current, a clearing closes it, a dismissal (驳回) closes it and marks it unfounded. Suppressed verdicts
 * were never raised and are not recorded. Redeliveries are ignored by the consumer, so the count is exact.
 */
export async function recordAlertLifecycle(events: AlertEvent[], manager: EntityManager): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'AlertRaised': {
        const a = event.data;
        await manager.query(
          `INSERT INTO "${S}".alert_record (alert_key, project_code, code, severity, month, title, first_raised_at,
             last_raised_at, times_raised, open)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1, true)
           ON CONFLICT (alert_key) DO UPDATE SET severity = EXCLUDED.severity, title = EXCLUDED.title,
             last_raised_at = EXCLUDED.last_raised_at, times_raised = alert_record.times_raised + 1, open = true,
             dismissed_at = NULL, dismissal = NULL`,
          [a.alertKey, a.projectCode, a.code, a.severity, a.month, a.title, a.detectedAt],
        );
        break;
      }
      case 'AlertUpdated':
        await manager.query(`UPDATE "${S}".alert_record SET severity = $2, title = $3 WHERE alert_key = $1`, [
          event.data.alertKey,
          event.data.severity,
          event.data.title,
        ]);
        break;
      case 'AlertCleared':
        await manager.query(`UPDATE "${S}".alert_record SET open = false WHERE alert_key = $1`, [
          event.data.alertKey,
        ]);
        break;
      case 'AlertDismissed':
        await manager.query(
          `UPDATE "${S}".alert_record SET open = false, dismissed_at = $2, dismissal = $3 WHERE alert_key = $1`,
          [event.data.alertKey, event.data.dismissedAt, event.data.reason],
        );
        break;
      default:
        break;
    }
  }
}

export interface EmployerAlerts {
  /** Alerts raised about its projects and not dismissed as unfounded (预警记录). */
  stood: number;
  open: number;
  dismissed: number;
  byCode: { code: string; stood: number; open: number }[];
  /** The latest 20 that stood, newest first. */
  recent: {
    alertKey: string;
    projectCode: string;
    code: string;
    severity: string;
    month: string | null;
    title: string;
    firstRaisedAt: string;
    lastRaisedAt: string;
    timesRaised: number;
    open: boolean;
  }[];
}

const RECENT = 20;

/** The alerts about an employer's projects (those it is the general contractor of). */
export async function employerAlerts(dataSource: DataSource, creditCode: string): Promise<EmployerAlerts> {
  const projectsOf = `SELECT code FROM "${S}".projects WHERE contractor_credit_code = $1`;
  const [byCode, recent] = await Promise.all([
    dataSource.query(
      `SELECT code, count(*) FILTER (WHERE dismissed_at IS NULL)::int AS stood,
              count(*) FILTER (WHERE open)::int AS open,
              count(*) FILTER (WHERE dismissed_at IS NOT NULL)::int AS dismissed
         FROM "${S}".alert_record WHERE project_code IN (${projectsOf}) GROUP BY code ORDER BY code`,
      [creditCode],
    ) as Promise<{ code: string; stood: number; open: number; dismissed: number }[]>,
    dataSource.query(
      `SELECT alert_key AS "alertKey", project_code AS "projectCode", code, severity, month, title,
              first_raised_at AS "firstRaisedAt", last_raised_at AS "lastRaisedAt", times_raised AS "timesRaised", open
         FROM "${S}".alert_record WHERE project_code IN (${projectsOf}) AND dismissed_at IS NULL
        ORDER BY last_raised_at DESC, alert_key LIMIT ${RECENT}`,
      [creditCode],
    ) as Promise<(EmployerAlerts['recent'][number] & { firstRaisedAt: Date; lastRaisedAt: Date })[]>,
  ]);
  const sum = (pick: (row: (typeof byCode)[number]) => number) => byCode.reduce((n, row) => n + pick(row), 0);
  return {
    stood: sum((r) => r.stood),
    open: sum((r) => r.open),
    dismissed: sum((r) => r.dismissed),
    byCode: byCode.filter((r) => r.stood > 0).map(({ code, stood, open }) => ({ code, stood, open })),
    recent: recent.map((r) => ({
      ...r,
      firstRaisedAt: new Date(r.firstRaisedAt).toISOString(),
      lastRaisedAt: new Date(r.lastRaisedAt).toISOString(),
    })),
  };
}

/** Keeps `alert_record` for the life of the app. */
@Injectable()
export class AlertRecordConsumer extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof alertEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    super();
    this.consumers = [
      new EventConsumer({
        name: 'enforcement-service.alert-record',
        topic: Topics.alert,
        contracts: alertEvents,
        dataSource,
        schema: S,
        kafka,
        logger,
        metrics,
        handle: recordAlertLifecycle,
      }),
    ];
  }
}
