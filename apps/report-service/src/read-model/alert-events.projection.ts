import type { EntityManager } from 'typeorm';
import type { AlertEvent } from '@wage/contracts';
import { amountOutstandingFen } from '../arrears/amount-outstanding';
import { lockBuckets } from './bucket-lock';

type LifecycleEvent = Exclude<AlertEvent, { type: 'AlertSuppressed' | 'AlertDismissed' }>;

/**
 * Applies the rules engine's alert lifecycle: an alert is open from AlertRaised until AlertCleared, with the
 * severity and evidence of its latest event. AlertSuppressed changes nothing here: it records a condition that
 * was never raised, and an alert already open stays open (the condition has not ended). Then the arrears rows of
 * every (region, month) touched are recomputed from the open alerts. An alert an inspector dismissed as unfounded
 * (AlertDismissed, from alert-service) is no longer open arrears.
 */
export async function projectAlertEvents(events: AlertEvent[], manager: EntityManager): Promise<void> {
  // Each event carries the whole alert: within a batch (already in partition order) the last one per key wins.
  const latest = new Map<string, LifecycleEvent>();
  const dismissed = events.flatMap((event) => (event.type === 'AlertDismissed' ? [event] : []));
  for (const event of events) {
    if (event.type !== 'AlertSuppressed' && event.type !== 'AlertDismissed')
      latest.set(event.data.alertKey, event);
  }
  if (latest.size === 0 && dismissed.length === 0) return;
  const rows = [...latest.values()];
  await manager.query(
    `INSERT INTO reports.alerts (alert_key, code, severity, project_code, region_code, month, open, workers_affected,
       amount_outstanding_fen, last_event_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
       $8::int[], $9::bigint[], $10::timestamptz[])
     ON CONFLICT (alert_key) DO UPDATE SET
       severity = EXCLUDED.severity, open = EXCLUDED.open, workers_affected = EXCLUDED.workers_affected,
       amount_outstanding_fen = EXCLUDED.amount_outstanding_fen, last_event_at = EXCLUDED.last_event_at
     WHERE reports.alerts.last_event_at <= EXCLUDED.last_event_at`,
    [
      rows.map((e) => e.data.alertKey),
      rows.map((e) => e.data.code),
      rows.map((e) => e.data.severity),
      rows.map((e) => e.data.projectCode),
      rows.map((e) => e.data.gridCode ?? e.data.regionCode),
      rows.map((e) => e.data.month ?? ''),
      rows.map((e) => e.type !== 'AlertCleared'),
      rows.map((e) => e.data.evidence.workersAffected),
      rows.map((e) => amountOutstandingFen(e.data.code, e.data.evidence)),
      rows.map((e) => e.occurredAt),
    ],
  );
  await manager.query(`UPDATE reports.alerts SET open = false WHERE alert_key = ANY($1::text[])`, [
    dismissed.map((e) => e.data.alertKey),
  ]);
  const buckets = await lockBuckets(
    manager,
    'arrears',
    [...rows, ...dismissed].map((e) => ({
      regionCode: e.data.gridCode ?? e.data.regionCode,
      month: e.data.month ?? '',
    })),
  );
  const regions = buckets.map((b) => b.regionCode);
  const months = buckets.map((b) => b.month);
  // Replaced whole per bucket: a severity that no open alert has any more must disappear.
  await manager.query(
    `DELETE FROM reports.arrears_by_region_month a
     USING unnest($1::text[], $2::text[]) AS b(region_code, month)
     WHERE a.region_code = b.region_code AND a.month = b.month`,
    [regions, months],
  );
  await manager.query(
    `INSERT INTO reports.arrears_by_region_month
     SELECT al.month, al.region_code, al.code, al.severity, count(*), sum(al.workers_affected),
       sum(al.amount_outstanding_fen)
     FROM reports.alerts al
     JOIN unnest($1::text[], $2::text[]) AS b(region_code, month)
       ON al.region_code = b.region_code AND al.month = b.month
     WHERE al.open
     GROUP BY al.month, al.region_code, al.code, al.severity`,
    [regions, months],
  );
}
