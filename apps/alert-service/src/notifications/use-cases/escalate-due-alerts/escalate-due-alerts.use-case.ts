import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Severity } from '@wage/contracts';
import { LOGGER, type Logger } from '@wage/platform';
import { AlertRepository } from '../../../alerts/alert.repository';
import { AuditLogRepository } from '../../../alerts/audit-log.repository';
import { UserRepository } from '../../../users/user.repository';
import { NotificationRepository } from '../../notification.repository';
import { ESCALATE_AFTER_HOURS, regionsAbove } from '../../routing';
import { PlanNotificationsUseCase } from '../plan-notifications/plan-notifications.use-case';

const HOUR_MS = 3_600_000;

/**
 * Sends alerts nobody acknowledged in time to the leaders of the next region up (the nearest region above that has
 * leaders), once per severity; then re-queues notifications whose job was never queued.
 */
@Injectable()
export class EscalateDueAlertsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
    private readonly users: UserRepository,
    private readonly plan: PlanNotificationsUseCase,
    private readonly log: NotificationRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(now: Date): Promise<{ escalated: number }> {
    const deadlines = (Object.entries(ESCALATE_AFTER_HOURS) as [Severity, number][]).map(
      ([severity, hours]) => ({
        severity,
        notifiedBefore: new Date(now.getTime() - hours * HOUR_MS),
      }),
    );
    const escalated = await this.dataSource.transaction(async (manager) => {
      const due = await this.alerts.dueForEscalation(manager, deadlines);
      for (const alert of due) {
        const above = regionsAbove(alert.regionCode);
        const leaders = await this.users.inRegions('LEADER', above, manager);
        const region = above.find((code) => leaders.some((leader) => leader.regionCode === code));
        const recipients = leaders.filter((leader) => leader.regionCode === region);
        await this.plan.execute(manager, [
          {
            subject: alert.id,
            alertIds: [alert.id],
            recipients,
            reason: `escalated-${alert.severity}`,
            event: 'alert.escalated',
          },
        ]);
        await this.alerts.save(manager, { ...alert, escalatedSeverity: alert.severity });
        await this.audit.append(manager, [
          {
            alertId: alert.id,
            alertKey: alert.alertKey,
            at: now,
            actor: 'system',
            action: 'ESCALATED',
            fromStatus: alert.status,
            toStatus: alert.status,
            severity: alert.severity,
            note: region
              ? `not acknowledged within ${ESCALATE_AFTER_HOURS[alert.severity]} h; sent to the leaders of ${region}`
              : `not acknowledged within ${ESCALATE_AFTER_HOURS[alert.severity]} h; no leader above the region to send it to`,
          },
        ]);
      }
      return due.length;
    });
    await this.requeueStale(now);
    return { escalated };
  }

  private async requeueStale(now: Date): Promise<void> {
    for (const row of await this.log.stalePending(new Date(now.getTime() - 60_000))) {
      try {
        await this.plan.requeue(row);
      } catch (error) {
        this.logger.warn(
          { err: error },
          'could not re-queue a pending notification; the next sweep tries again',
        );
        return;
      }
    }
  }
}
