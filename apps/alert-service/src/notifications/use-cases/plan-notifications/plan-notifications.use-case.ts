import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommit } from '../../../common/after-commit';
import type { User } from '../../../users/user.repository';
import { DELIVERY_JOB, type JobItem } from '../../jobs/job-types';
import { JobQueues } from '../../jobs/job-queues';
import type { NotificationEvent } from '../../messages';
import { NotificationRepository, type PlannedNotification } from '../../notification.repository';
import { channelsOf, type Channel } from '../../routing';

export interface NotificationPlan {
  /** The alert's id, or `digest-<date>` for a digest. */
  subject: string;
  alertIds: string[];
  recipients: User[];
  reason: string;
  event: NotificationEvent;
  /** For `case.overdue`: the case (alertIds empty). */
  caseId?: string;
  /** For `verification.*`: the verification (alertIds empty). */
  verificationId?: string;
}

/**
 * Records notifications in the delivery log, in the caller's transaction, and queues their delivery after the
 * commit. The log's unique key — subject, person, channel, reason — is what stops a second notification.
 */
@Injectable()
export class PlanNotificationsUseCase {
  constructor(
    private readonly log: NotificationRepository,
    private readonly jobs: JobQueues,
    private readonly afterCommit: AfterCommit,
  ) {}

  async execute(manager: EntityManager, plans: NotificationPlan[]): Promise<void> {
    const planned: PlannedNotification[] = plans.flatMap((plan) =>
      plan.recipients.flatMap((recipient) =>
        channelsOf(recipient, plan.event === 'digest').map((channel) => ({
          dedupeKey: dedupeKey(plan.subject, recipient.username, channel, plan.reason),
          alertIds: plan.alertIds,
          recipient: recipient.username,
          channel,
          reason: plan.reason,
          event: plan.event,
          caseId: plan.caseId ?? null,
          verificationId: plan.verificationId ?? null,
        })),
      ),
    );
    const inserted = await this.log.insertNew(manager, planned);
    if (inserted.length === 0) return;
    await this.afterCommit.run(manager, () =>
      this.jobs.addMany(inserted.map((row) => ({ item: deliveryJob(row), jobId: row.dedupeKey }))),
    );
  }

  /** For a notification still pending a while after it was planned: its job may be missing or failed unrecorded. */
  async requeue(row: { id: string; channel: Channel; dedupeKey: string }): Promise<void> {
    await this.jobs.requeue(deliveryJob(row), row.dedupeKey);
  }
}

/** A notification's delivery job; its id is the log's unique key, so queueing it twice is a no-op. */
function deliveryJob(row: { id: string; channel: Channel }): JobItem {
  return { name: DELIVERY_JOB[row.channel], data: { notificationId: row.id } };
}

/** `notify|<alert or digest>|<person>|<channel>|<reason>`; BullMQ ids may not contain ':'. */
export function dedupeKey(subject: string, recipient: string, channel: string, reason: string): string {
  return ['notify', subject, recipient, channel, reason].join('|');
}
