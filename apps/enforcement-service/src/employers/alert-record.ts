import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { alertEvents, Topics, type AlertEvent, type AlertRaised } from '@wage/contracts';
import {
  AppConsumers,
  Clock,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA as S } from '../schema';
import { VerificationRepository } from '../verifications/verification.repository';

/** What one batch does to an alert's row, folded from its events in order. */
interface AlertFold {
  /** The raises in the batch, and the first and the last one. */
  raises: number;
  first?: AlertRaised;
  last?: AlertRaised;
  /** The latest severity and title (a raise or an update). */
  severity?: string;
  title?: string;
  /** After the last raise (or in the whole batch when none): closed, and dismissed when and why. */
  closed: boolean;
  dismissed?: { at: string; reason: string };
}

/**
 * Follows the alert lifecycle into `alert_record`: raised (again) opens the row and counts it, an update keeps the
 * severity current, a clearing closes it, a dismissal (驳回) closes it and marks it unfounded. Suppressed verdicts
 * were never raised and are not recorded. Redeliveries are ignored by the consumer, so the count is exact.
 *
 * Set-based: the batch is folded per alert key in event order, then one upsert writes every alert raised in it and
 * one UPDATE … FROM unnest writes the updates, clearings and dismissals that follow the last raise.
 */
export async function recordAlertLifecycle(events: AlertEvent[], manager: EntityManager): Promise<void> {
  const folds = new Map<string, AlertFold>();
  for (const event of events) {
    if (event.type === 'AlertSuppressed') continue;
    const key = event.data.alertKey;
    const fold = folds.get(key) ?? { raises: 0, closed: false };
    folds.set(key, fold);
    switch (event.type) {
      case 'AlertRaised':
        fold.raises += 1;
        fold.first ??= event.data;
        fold.last = event.data;
        fold.severity = event.data.severity;
        fold.title = event.data.title;
        // A raise reopens the row and forgets an earlier dismissal.
        fold.closed = false;
        fold.dismissed = undefined;
        break;
      case 'AlertUpdated':
        fold.severity = event.data.severity;
        fold.title = event.data.title;
        break;
      case 'AlertCleared':
        fold.closed = true;
        break;
      case 'AlertDismissed':
        fold.closed = true;
        fold.dismissed = { at: event.data.dismissedAt, reason: event.data.reason };
        break;
      default:
        break;
    }
  }
  const raised = [...folds].filter(([, f]) => f.raises > 0);
  if (raised.length > 0) {
    const col = (pick: (f: AlertFold & { first: AlertRaised; last: AlertRaised }) => unknown) =>
      raised.map(([, f]) => pick(f as AlertFold & { first: AlertRaised; last: AlertRaised }));
    await manager.query(
      `INSERT INTO "${S}".alert_record (alert_key, project_code, code, severity, month, title, first_raised_at,
         last_raised_at, times_raised, open)
       SELECT * , true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::timestamptz[], $8::timestamptz[], $9::int[])
       ON CONFLICT (alert_key) DO UPDATE SET severity = EXCLUDED.severity, title = EXCLUDED.title,
         last_raised_at = EXCLUDED.last_raised_at, times_raised = alert_record.times_raised + EXCLUDED.times_raised,
         open = true, dismissed_at = NULL, dismissal = NULL`,
      [
        raised.map(([key]) => key),
        col((f) => f.last.projectCode),
        col((f) => f.last.code),
        col((f) => f.severity),
        col((f) => f.last.month),
        col((f) => f.title),
        col((f) => f.first.detectedAt),
        col((f) => f.last.detectedAt),
        col((f) => f.raises),
      ],
    );
  }
  // What follows the last raise: the updates of alerts not raised in the batch, clearings and dismissals.
  const changed = [...folds].filter(([, f]) => (f.raises === 0 && f.severity !== undefined) || f.closed);
  if (changed.length === 0) return;
  await manager.query(
    `UPDATE "${S}".alert_record a
        SET severity = coalesce(u.severity, a.severity), title = coalesce(u.title, a.title),
            open = a.open AND NOT u.closed,
            dismissed_at = coalesce(u.dismissed_at, a.dismissed_at), dismissal = coalesce(u.dismissal, a.dismissal)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::timestamptz[], $6::text[])
            AS u(alert_key, severity, title, closed, dismissed_at, dismissal)
      WHERE a.alert_key = u.alert_key`,
    [
      changed.map(([key]) => key),
      changed.map(([, f]) => (f.raises === 0 ? (f.severity ?? null) : null)),
      changed.map(([, f]) => (f.raises === 0 ? (f.title ?? null) : null)),
      changed.map(([, f]) => f.closed),
      changed.map(([, f]) => f.dismissed?.at ?? null),
      changed.map(([, f]) => f.dismissed?.reason ?? null),
    ],
  );
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

/**
 * Keeps `alert_record` for the life of the app, and in the same transaction opens and withdraws the verification
 * requests RED and ORANGE alerts in a grid call for.
 */
@Injectable()
export class AlertRecordConsumer extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof alertEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    verifications: VerificationRepository,
    clock: Clock,
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
        handle: async (events, manager) => {
          await recordAlertLifecycle(events, manager);
          await verifications.followAlerts(manager, events, clock.now());
        },
      }),
    ];
  }
}
