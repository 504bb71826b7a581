import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  severityRank,
  type AlertCleared,
  type AlertRaised,
  type AlertSuppressed,
  type AlertUpdated,
  type EventEnvelope,
} from '@wage/contracts';
import { NATIONAL_REGION, regionChain } from '@wage/domain';
import { LOGGER, type Logger } from '@wage/platform';
import { AfterCommit } from '../../../common/after-commit';
import { Clock } from '../../../common/clock';
import type { NotificationEvent } from '../../../notifications/messages';
import { mostSpecific } from '../../../notifications/routing';
import { PlanNotificationsUseCase } from '../../../notifications/use-cases/plan-notifications/plan-notifications.use-case';
import { UserDirectory } from '../../../users/user-directory';
import { AlertRepository, type AlertCase } from '../../alert-repository';
import type { AlertStreamEvent } from '../../alert-stream';
import { AlertStream } from '../../alert-stream';
import { toAlertView } from '../../alert-view';
import { statusWhenCleared } from '../../alert-workflow';
import { AuditLog, type AuditAction } from '../../audit-log';

export type AlertEvent =
  | EventEnvelope<'AlertRaised', AlertRaised>
  | EventEnvelope<'AlertUpdated', AlertUpdated>
  | EventEnvelope<'AlertCleared', AlertCleared>
  | EventEnvelope<'AlertSuppressed', AlertSuppressed>;

const RULES_ENGINE = 'rules-engine';

/**
 * Turns the rules engine's alert lifecycle events into cases. Applied in partition order per project; an event the
 * rules engine recorded before the last one applied to the case is ignored, so an old state delivered late cannot
 * undo a newer one. The order is when the engine recorded each event (it writes a project's events one transaction
 * at a time), not the instant an event describes: an evaluation as of an earlier instant is still the newer word.
 */
@Injectable()
export class ApplyAlertEventsUseCase {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLog,
    private readonly users: UserDirectory,
    private readonly plan: PlanNotificationsUseCase,
    private readonly stream: AlertStream,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(manager: EntityManager, events: AlertEvent[]): Promise<void> {
    for (const event of events) await this.applyOne(manager, event);
  }

  private async applyOne(manager: EntityManager, event: AlertEvent): Promise<void> {
    const data = event.data;
    const at = new Date(event.type === 'AlertCleared' ? event.data.clearedAt : event.data.detectedAt);
    const recordedAt = new Date(event.recordedAt);
    const existing = await this.alerts.lockByKey(manager, data.alertKey);
    // A case from before the recording instant was kept falls back to the instant its last event described.
    const stale = existing?.sourceRecordedAt
      ? recordedAt < existing.sourceRecordedAt
      : existing !== undefined && at < existing.detectedAt;
    if (stale) {
      this.logger.info(
        { alertKey: data.alertKey, eventId: event.id },
        'ignoring an alert event the rules engine recorded before the last one applied',
      );
      return;
    }
    const now = this.clock.now();
    const facts = {
      code: data.code,
      severity: data.severity,
      projectCode: data.projectCode,
      regionCode: data.regionCode,
      month: data.month,
      title: data.title,
      evidence: data.evidence,
      detectedAt: at,
      updatedAt: at,
      sourceRecordedAt: recordedAt,
    };

    if (event.type === 'AlertSuppressed') {
      // Recorded, never silent: the case (if any) keeps its state, and the suppression is in its history.
      await this.record(manager, existing?.id ?? null, data.alertKey, at, 'SUPPRESSED', existing, existing, {
        note: `rule suppressed while the project is ${event.data.projectStatus}`,
        eventId: event.id,
      });
      return;
    }

    if (event.type === 'AlertCleared') {
      const cleared: AlertCase = existing
        ? { ...existing, ...facts, status: statusWhenCleared(existing.status), clearedAt: at }
        : await this.alerts.insert(manager, {
            ...facts,
            alertKey: data.alertKey,
            status: 'CLEARED',
            raisedAt: new Date(event.data.raisedAt),
            clearedAt: at,
            assignee: null,
            raiseCount: 1,
            severitySince: now,
            escalatedSeverity: null,
          });
      if (existing) await this.alerts.save(manager, cleared);
      await this.record(manager, cleared.id, data.alertKey, at, 'CLEARED', existing, cleared, {
        note: `the data show the condition ended after ${event.data.durationSeconds} s`,
        eventId: event.id,
      });
      const wasOpen = existing && (existing.status === 'OPEN' || existing.status === 'ACKNOWLEDGED');
      if (wasOpen && cleared.severity !== 'BLUE') {
        await this.notify(manager, cleared, `cleared-${cleared.raiseCount}`, 'alert.cleared');
      }
      await this.publish(manager, 'alert.cleared', cleared.id);
      return;
    }

    const reopening = existing && ['CLEARED', 'RESOLVED', 'DISMISSED'].includes(existing.status);
    if (!existing || (event.type === 'AlertRaised' && reopening)) {
      // New, or raised again after it had ended: a fresh case cycle that people must hear about.
      const raiseCount = existing ? existing.raiseCount + 1 : 1;
      const raised: AlertCase = existing
        ? {
            ...existing,
            ...facts,
            status: 'OPEN',
            raisedAt: at,
            clearedAt: null,
            assignee: null,
            raiseCount,
            severitySince: now,
            escalatedSeverity: null,
          }
        : await this.alerts.insert(manager, {
            ...facts,
            alertKey: data.alertKey,
            status: 'OPEN',
            raisedAt: at,
            clearedAt: null,
            assignee: null,
            raiseCount,
            severitySince: now,
            escalatedSeverity: null,
          });
      if (existing) await this.alerts.save(manager, raised);
      await this.record(manager, raised.id, data.alertKey, at, 'RAISED', existing, raised, {
        eventId: event.id,
      });
      // BLUE alerts wait for the daily digest.
      if (raised.severity !== 'BLUE')
        await this.notify(manager, raised, `raised-${raiseCount}`, 'alert.raised');
      await this.publish(manager, 'alert.raised', raised.id);
      return;
    }

    // An update (or a repeated raise) of a case that is still being worked on, or already closed by a person.
    const rose = severityRank(data.severity) > severityRank(existing.severity);
    const updated: AlertCase = { ...existing, ...facts, severitySince: rose ? now : existing.severitySince };
    await this.alerts.save(manager, updated);
    await this.record(manager, updated.id, data.alertKey, at, 'UPDATED', existing, updated, {
      note: rose ? `severity ${existing.severity} → ${data.severity}` : 'evidence updated',
      eventId: event.id,
    });
    const active = updated.status === 'OPEN' || updated.status === 'ACKNOWLEDGED';
    if (rose && active) await this.notify(manager, updated, `severity-${data.severity}`, 'alert.updated');
    await this.publish(manager, 'alert.updated', updated.id);
  }

  /** The inspectors at the most specific level covering the alert's region. */
  private async notify(manager: EntityManager, alert: AlertCase, reason: string, event: NotificationEvent) {
    const candidates = await this.users.inRegions(
      'INSPECTOR',
      [...regionChain(alert.regionCode), NATIONAL_REGION],
      manager,
    );
    await this.plan.execute(manager, [
      {
        subject: alert.id,
        alertIds: [alert.id],
        recipients: mostSpecific(candidates, alert.regionCode),
        reason,
        event,
      },
    ]);
  }

  private async record(
    manager: EntityManager,
    alertId: string | null,
    alertKey: string,
    at: Date,
    action: AuditAction,
    before: AlertCase | undefined,
    after: AlertCase | undefined,
    extra: { note?: string; eventId: string },
  ): Promise<void> {
    await this.audit.append(manager, [
      {
        alertId,
        alertKey,
        at,
        actor: RULES_ENGINE,
        action,
        fromStatus: before?.status ?? null,
        toStatus: after?.status ?? null,
        severity: after?.severity ?? before?.severity ?? null,
        note: extra.note ?? null,
        details: { eventId: extra.eventId },
      },
    ]);
  }

  private async publish(manager: EntityManager, event: AlertStreamEvent, alertId: string): Promise<void> {
    await this.afterCommit.run(manager, async () => {
      const [alert] = await this.alerts.findMany([alertId]);
      if (alert)
        await this.stream.publish({ event, alert: toAlertView(alert, await this.audit.history(alertId)) });
    });
  }
}
