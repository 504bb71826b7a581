import { Module, type DynamicModule } from '@nestjs/common';
import type { LoginThrottleSettings } from '../users/login-throttle';

/** This service's own settings, provided by the app module from its definition. */
export const ALERT_SETTINGS = Symbol('ALERT_SETTINGS');

export interface AlertSettings {
  redisUrl: string;
  bullmqPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  loginThrottle: LoginThrottleSettings;
  streamsPerUser: number;
  bootstrapAdmin?: { username: string; password: string };
  smtpUrl: string;
  /** SMTP connections kept open for e-mail. */
  smtpConnections: number;
  mailFrom: string;
  consoleBaseUrl: string;
  webhookSigningSecret: string;
  /** Internal hosts, addresses and networks webhooks may reach anyway (WEBHOOK_ALLOWED_HOSTS). */
  webhookAllowedHosts: string[];
  notifyAttempts: number;
  notifyBackoffMs: number;
  webhookPerSecond: number;
  emailPerSecond: number;
  workerConcurrency: number;
  jobSchedulesEnabled: boolean;
  escalationSweepSeconds: number;
  digestCron: string;
}

@Module({})
export class AlertSettingsModule {
  static forRoot(settings: AlertSettings): DynamicModule {
    return {
      module: AlertSettingsModule,
      global: true,
      providers: [{ provide: ALERT_SETTINGS, useValue: settings }],
      exports: [ALERT_SETTINGS],
    };
  }
}
