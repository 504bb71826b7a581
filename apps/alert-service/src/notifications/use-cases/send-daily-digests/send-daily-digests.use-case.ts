import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai, regionChain } from '@wage/domain';
import { NATIONAL_REGION } from '@wage/domain';
import { AlertRepository } from '../../../alerts/alert.repository';
import { UserRepository, type User } from '../../../users/user.repository';
import { NotificationRepository } from '../../notification.repository';
import { mostSpecific } from '../../routing';
import { PlanNotificationsUseCase } from '../plan-notifications/plan-notifications.use-case';

/**
 * BLUE alerts (notices and pre-warnings) go out once a day, one digest per person, instead of one by one. A person's
 * digest holds the open BLUE alerts routed to them that no earlier digest of theirs held.
 */
@Injectable()
export class SendDailyDigestsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly users: UserRepository,
    private readonly log: NotificationRepository,
    private readonly plan: PlanNotificationsUseCase,
  ) {}

  async execute(now: Date): Promise<{ digests: number }> {
    const day = dateInShanghai(now);
    return this.dataSource.transaction(async (manager) => {
      const blue = await this.alerts.blueAlertsAwaitingDigest(manager, now);
      const byRecipient = new Map<string, { person: User; alertIds: string[] }>();
      for (const alert of blue) {
        const candidates = await this.users.inRegions(
          'INSPECTOR',
          [...regionChain(alert.regionCode), NATIONAL_REGION],
          manager,
        );
        for (const person of mostSpecific(candidates, alert.regionCode)) {
          const entry = byRecipient.get(person.username) ?? { person, alertIds: [] };
          entry.alertIds.push(alert.id);
          byRecipient.set(person.username, entry);
        }
      }
      const already = await this.log.digestedAlertIds(manager, [...byRecipient.keys()]);
      const plans = [...byRecipient.values()]
        .map(({ person, alertIds }) => ({
          person,
          alertIds: alertIds.filter((id) => !already.has(`${person.username}|${id}`)),
        }))
        .filter(({ alertIds }) => alertIds.length > 0)
        .map(({ person, alertIds }) => ({
          subject: `digest-${day}`,
          alertIds,
          recipients: [person],
          reason: 'digest',
          event: 'digest' as const,
        }));
      await this.plan.execute(manager, plans);
      return { digests: plans.length };
    });
  }
}
