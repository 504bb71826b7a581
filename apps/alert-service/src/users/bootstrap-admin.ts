import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NATIONAL_REGION } from '@wage/domain';
import { LOGGER, type Logger } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../config/alert-settings';
import { hashPassword } from './password-hash';
import { UserRepository } from './user.repository';

/** Creates the first administrator from the environment, once: an existing user of that name is left alone. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserRepository,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.settings.bootstrapAdmin;
    if (!admin || (await this.users.find(admin.username))) return;
    const created = await this.users.insert({
      username: admin.username,
      passwordHash: await hashPassword(admin.password),
      role: 'ADMIN',
      regionCode: NATIONAL_REGION,
      displayName: 'Administrator',
      email: null,
      webhookUrl: null,
      wecomWebhook: null,
      dingtalkWebhook: null,
    });
    if (created) this.logger.info({ username: admin.username }, 'first administrator created');
  }
}
