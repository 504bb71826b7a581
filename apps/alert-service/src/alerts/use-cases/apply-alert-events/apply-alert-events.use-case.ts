import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { severityRank, type AlertEvent } from '@wage/contracts';
import { NATIONAL_REGION, regionChain } from '@wage/domain';
import { LOGGER, type Logger, Clock } from '@wage/platform';
import { AfterCommit } from '../../../common/after-commit';
import { reopenedReason, type NotificationEvent } from '../../../notifications/messages';
import { mostSpecific } from '../../../notifications/routing';
import { PlanNotificationsUseCase } from '../../../notifications/use-cases/plan-notifications/plan-notifications.use-case';
import { UserRepository } from '../../../users/user.repository';
import { AlertRepository, type AlertCase } from '../../alert.repository';
import type { AlertStreamEvent } from '../../alert-stream';
import { AlertStream } from '../../alert-stream';
import { toAlertView } from '../../alert-view';
import {
  isClosedByPerson,
  onConditionPersisting,
  raiseStartsNewCycle,
  sameEvidence,
  statusWhenCleared,
  type ClosedByPerson,
} from '../../alert-workflow';
import { AuditLogRepository, type AuditAction } from '../../audit-log.repository';

/** What the rules engine says about an alert; AlertDismissed is this service's own word, applied when it was said. */
type RulesEngineEvent = Exclude<AlertEvent, { type: 'AlertDismissed' }>;
type Facts = Pick<
  AlertCase,
  | 'code'
  | 'severity'
  | 'projectCode'
  | 'regionCode'
  | 'gridCode'
  | 'month'
  | 'title'
  | 'evidence'
  | 'detectedAt'
  | 'updatedAt'
  | 'sourceRecordedAt'
>;

const RULES_ENGINE = 'rules-engine';

/**
 * Turns the rules engine's alert lifecycle events into cases. Applied in partition order per project; an event the
 * rules engine recorded before the last one applied to the case is ignored, so an old state delivered late cannot
 * undo a newer one. The order is when the engine recorded each event (it writes a project's events one transaction
 * at a time), not the instant an event describes: an evaluation as of an earlier instant is still the newer word.
 *
 * A case a person closed stays closed while the data show the same condition (docs/domain.md); a resolved one
 * reopens when the severity rises above the one it was resolved at. Only a raise after a clear starts a new cycle.
 */
@Injectable()
export class ApplyAlertEventsUseCase {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
    private readonly users: UserRepository,
    private readonly plan: PlanNotificationsUseCase,
    private readonly stream: AlertStream,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(manager: EntityManager, events: AlertEvent[]): Promise<void> {
    for (const event of events) {
      // Written by this service's own dismissal, in the transaction that dismissed the case: nothing left to do.
      if (event.type === 'AlertDismissed') continue;
      await this.applyOne(manager, event);
    }
  }

  private async applyOne(manager: EntityManager, event: RulesEngineEvent): Promise<void> {
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
    const facts: Facts = {
      code: data.code,
      severity: data.severity,
      projectCode: data.projectCode,
      regionCode: data.regionCode,
      gridCode: data.gridCode ?? null,
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
            resolvedSeverity: null,
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

    const newCycle = existing && raiseStartsNewCycle(existing.status, existing.clearedAt);
    if (!existing || (event.type === 'AlertRaised' && newCycle)) {
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
            resolvedSeverity: null,
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
            resolvedSeverity: null,
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

    if (isClosedByPerson(existing.status)) {
      await this.applyToClosedCase(manager, event, existing, existing.status, facts, now);
      return;
    }

    // An update (or a repeated raise) of a case that is still being worked on.
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

  /**
   * The condition persists on a case a person closed. A rise above the severity it was resolved at reopens it and
   * says so to the region's inspectors; otherwise the case stays closed, nothing is sent, and the history notes that
   * the data still show the condition, once for each change of evidence or severity.
   */
  private async applyToClosedCase(
    manager: EntityManager,
    event: RulesEngineEvent,
    existing: AlertCase,
    status: ClosedByPerson,
    facts: Facts,
    now: Date,
  ): Promise<void> {
    const resolvedSeverity = existing.resolvedSeverity ?? existing.severity;
    if (onConditionPersisting(status, resolvedSeverity, facts.severity) === 'REOPEN') {
      const reopened: AlertCase = {
        ...existing,
        ...facts,
        status: 'OPEN',
        clearedAt: null,
        severitySince: now,
        resolvedSeverity: null,
      };
      await this.alerts.save(manager, reopened);
      await this.record(
        manager,
        reopened.id,
        reopened.alertKey,
        facts.detectedAt,
        'REOPENED',
        existing,
        reopened,
        {
          note: `reopened: the severity rose to ${facts.severity}, above ${resolvedSeverity} at which it was resolved`,
          eventId: event.id,
        },
      );
      await this.notify(
        manager,
        reopened,
        reopenedReason(reopened.raiseCount, facts.severity),
        'alert.updated',
      );
      await this.publish(manager, 'alert.updated', reopened.id);
      return;
    }
    const changed = facts.severity !== existing.severity || !sameEvidence(facts.evidence, existing.evidence);
    const updated: AlertCase = { ...existing, ...facts };
    await this.alerts.save(manager, updated);
    if (!changed) return;
    await this.record(
      manager,
      existing.id,
      existing.alertKey,
      facts.detectedAt,
      'PERSISTS',
      existing,
      updated,
      {
        note:
          `the data show the condition persists; the case stays ${status}` +
          (facts.severity === existing.severity
            ? ' (evidence updated)'
            : ` (severity ${existing.severity} → ${facts.severity})`),
        eventId: event.id,
      },
    );
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
