import { Injectable } from '@nestjs/common';
import { Clock } from '@wage/platform';
import { DeliverNotificationUseCase } from '../use-cases/deliver-notification/deliver-notification.use-case';
import { EscalateDueAlertsUseCase } from '../use-cases/escalate-due-alerts/escalate-due-alerts.use-case';
import { SendDailyDigestsUseCase } from '../use-cases/send-daily-digests/send-daily-digests.use-case';
import type { Attempt, JobHandler, JobPayloads } from './job-types';

// Decorated too: the subclasses inherit this constructor, and Nest reads its parameter types from the metadata
// the decorator makes the compiler emit. Without it `deliver` would be injected as undefined.
@Injectable()
abstract class DeliveryHandler {
  constructor(private readonly deliver: DeliverNotificationUseCase) {}
  handle(data: JobPayloads['deliver-email'], attempt: Attempt): Promise<void> {
    return this.deliver.execute(data.notificationId, attempt);
  }
}

@Injectable()
export class DeliverEmailJob extends DeliveryHandler implements JobHandler<'deliver-email'> {
  readonly jobName = 'deliver-email' as const;
}
@Injectable()
export class DeliverWebhookJob extends DeliveryHandler implements JobHandler<'deliver-webhook'> {
  readonly jobName = 'deliver-webhook' as const;
}
@Injectable()
export class DeliverWecomJob extends DeliveryHandler implements JobHandler<'deliver-wecom'> {
  readonly jobName = 'deliver-wecom' as const;
}
@Injectable()
export class DeliverDingtalkJob extends DeliveryHandler implements JobHandler<'deliver-dingtalk'> {
  readonly jobName = 'deliver-dingtalk' as const;
}

@Injectable()
export class EscalateDueAlertsJob implements JobHandler<'escalate-due-alerts'> {
  readonly jobName = 'escalate-due-alerts' as const;
  constructor(
    private readonly escalate: EscalateDueAlertsUseCase,
    private readonly clock: Clock,
  ) {}
  async handle(): Promise<void> {
    await this.escalate.execute(this.clock.now());
  }
}

@Injectable()
export class SendDailyDigestsJob implements JobHandler<'send-daily-digests'> {
  readonly jobName = 'send-daily-digests' as const;
  constructor(
    private readonly digests: SendDailyDigestsUseCase,
    private readonly clock: Clock,
  ) {}
  async handle(): Promise<void> {
    await this.digests.execute(this.clock.now());
  }
}

export const JOB_HANDLER_CLASSES = [
  DeliverEmailJob,
  DeliverWebhookJob,
  DeliverWecomJob,
  DeliverDingtalkJob,
  EscalateDueAlertsJob,
  SendDailyDigestsJob,
];
