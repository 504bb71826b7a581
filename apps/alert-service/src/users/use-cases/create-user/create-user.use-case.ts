import { Inject, Injectable } from '@nestjs/common';
import { UseCaseError } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../../../config/alert-settings';
import { WebhookTargets } from '../../../notifications/channels/webhook-targets';
import type { CreateUserRequest } from '../../dto/user.dto';
import { hashPassword } from '../../password-hash';
import { UserRepository, type User } from '../../user.repository';

@Injectable()
export class CreateUserUseCase {
  private readonly webhookTargets: WebhookTargets;

  constructor(
    private readonly users: UserRepository,
    @Inject(ALERT_SETTINGS) settings: AlertSettings,
  ) {
    this.webhookTargets = new WebhookTargets(settings.webhookAllowedHosts);
  }

  /** Registers a user; the answer is the user without the password. */
  async execute(request: CreateUserRequest): Promise<User> {
    const refused = (['webhookUrl', 'wecomWebhook', 'dingtalkWebhook'] as const).flatMap((field) => {
      const url = request[field];
      const message = url === undefined ? undefined : this.webhookTargets.refusal(url);
      return message ? [{ field, code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', message }] : [];
    });
    if (refused.length > 0) {
      throw UseCaseError.invalid(
        `the request body is invalid: ${refused.map((r) => `${r.field}: ${r.message}`).join('; ')}`,
        refused,
      );
    }
    const user: User = {
      username: request.username,
      role: request.role,
      regionCode: request.regionCode,
      displayName: request.displayName,
      email: request.email ?? null,
      webhookUrl: request.webhookUrl ?? null,
      wecomWebhook: request.wecomWebhook ?? null,
      dingtalkWebhook: request.dingtalkWebhook ?? null,
    };
    const inserted = await this.users.insert({ ...user, passwordHash: await hashPassword(request.password) });
    if (!inserted) {
      throw UseCaseError.conflict(
        'USER_EXISTS',
        `a user named ${request.username} exists already; pick another username`,
      );
    }
    return user;
  }
}
