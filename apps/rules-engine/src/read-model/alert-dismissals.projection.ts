import type { EntityManager } from 'typeorm';
import type { AlertEvent } from '@wage/contracts';

/**
 * An inspector dismissed an alert as unfounded (alert-service's AlertDismissed): a dismissed WAGE_ARREARS no
 * longer counts as the contractor's arrears for the required deposit. The engine's own lifecycle events on the
 * same topic change nothing here. Dismissals of one batch in one statement.
 */
export async function projectAlertDismissals(events: AlertEvent[], manager: EntityManager): Promise<void> {
  const dismissals = events.flatMap((event) => (event.type === 'AlertDismissed' ? [event.data] : []));
  if (dismissals.length === 0) return;
  await manager.query(
    `UPDATE rules.alerts a SET dismissed_at = d.at, dismissed_reason = d.reason
     FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS d(alert_key, at, reason)
     WHERE a.alert_key = d.alert_key AND a.raised_at IS NOT NULL AND a.raised_at <= d.at`,
    [
      dismissals.map((d) => d.alertKey),
      dismissals.map((d) => d.dismissedAt),
      dismissals.map((d) => d.reason),
    ],
  );
}
