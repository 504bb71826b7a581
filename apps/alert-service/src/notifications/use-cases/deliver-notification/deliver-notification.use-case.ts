import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertRepository, type AlertCase } from '../../../alerts/alert.repository';
import { toAlertView } from '../../../alerts/alert-view';
import { AuditLogRepository, type HistoryEntry } from '../../../alerts/audit-log.repository';
import { ALERT_SETTINGS, type AlertSettings } from '../../../config/alert-settings';
import type { User } from '../../../users/user.repository';
import { EmailSender, HttpPoster, signWebhookBody } from '../../channels/senders';
import type { Attempt } from '../../jobs/job-types';
import {
  alertLink,
  composeCaseMessage,
  composeMessage,
  composeVerificationMessage,
  type Message,
  type OverdueCase,
  type VerificationNotice,
} from '../../messages';
import { SCHEMA } from '../../../schema';
import { NotificationRepository, type NotificationRecord } from '../../notification.repository';
import { fanOutKey, ReadOncePerFanOut } from './read-once-per-fan-out';

/** How long the alerts one fan-out is about are kept for its deliveries: longer than a fan-out to a province takes. */
const FAN_OUT_READ_TTL_MS = 60_000;

/** Sends one logged notification on its channel and records the attempt; a failure is rethrown for BullMQ to retry. */
@Injectable()
export class DeliverNotificationUseCase {
  constructor(
    private readonly log: NotificationRepository,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
    private readonly email: EmailSender,
    private readonly http: HttpPoster,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly dataSource: DataSource,
  ) {}

  private readonly fanOutReads = new ReadOncePerFanOut<{ alerts: AlertCase[]; history: HistoryEntry[] }>(
    FAN_OUT_READ_TTL_MS,
  );

  async execute(notificationId: string, attempt: Attempt): Promise<void> {
    const found = await this.log.findForDelivery(notificationId);
    // Gone, or already delivered by an earlier run of the same job: nothing to do.
    if (!found || found.notification.status === 'SENT' || found.notification.status === 'FAILED') return;
    const { notification, recipient } = found;
    try {
      if (!recipient) throw new Error(`user ${notification.recipient} no longer exists or is disabled`);
      await this.send(notification, recipient);
    } catch (error) {
      await this.log.recordFailure(notificationId, attempt.number, (error as Error).message, attempt.last);
      throw error;
    }
    await this.log.recordSent(notificationId, attempt.number);
  }

  private async send(notification: NotificationRecord, recipient: User): Promise<void> {
    if (notification.event === 'case.overdue') return this.sendCase(notification, recipient);
    if (notification.event === 'verification.requested' || notification.event === 'verification.overdue')
      return this.sendVerification(notification, notification.event, recipient);
    const { alerts, history } = await this.fanOutReads.read(fanOutKey(notification), async () => {
      const read = await this.alerts.findMany(notification.alertIds);
      // Thrown inside the read, so that it is not kept: the retry reads again.
      if (read.length === 0) throw new Error('the alerts of this notification no longer exist');
      return { alerts: read, history: await this.audit.history(read[0].id) };
    });
    const message = composeMessage(
      notification.event,
      alerts,
      this.settings.consoleBaseUrl,
      notification.reason,
    );
    const target = (url: string | null, what: string) => {
      if (!url) throw new Error(`user ${recipient.username} has no ${what} any more`);
      return url;
    };
    switch (notification.channel) {
      case 'EMAIL':
        return this.email.send(target(recipient.email, 'e-mail address'), message.subject, message.text);
      case 'WEBHOOK': {
        const [alert] = alerts;
        const body = JSON.stringify({
          event: notification.event,
          alert: toAlertView(alert, history),
        });
        return this.http.post(target(recipient.webhookUrl, 'webhook'), body, {
          'X-Wage-Signature': signWebhookBody(body, this.settings.webhookSigningSecret),
        });
      }
      case 'WECOM':
      case 'DINGTALK':
        return this.robots(notification, recipient, message);
    }
  }

  /** An overdue case to a leader above: the same channels, a message about the case (no alert). */
  private async sendCase(notification: NotificationRecord, recipient: User): Promise<void> {
    const [overdue]: OverdueCase[] = await this.dataSource.query(
      `SELECT case_id AS "caseId", to_char(close_by, 'YYYY-MM-DD') AS "closeBy", region_code AS "regionCode",
              project_code AS "projectCode", employer_name AS "employerName", extended,
              working_days_overdue AS "workingDaysOverdue"
         FROM "${SCHEMA}".case_escalations WHERE case_id = $1 ORDER BY close_by DESC LIMIT 1`,
      [notification.caseId],
    );
    if (!overdue) throw new Error('the overdue case of this notification is not known');
    const message = composeCaseMessage(overdue, this.settings.consoleBaseUrl);
    if (notification.channel === 'EMAIL') {
      if (!recipient.email) throw new Error(`user ${recipient.username} has no e-mail address any more`);
      return this.email.send(recipient.email, message.subject, message.text);
    }
    if (notification.channel === 'WEBHOOK') {
      if (!recipient.webhookUrl) throw new Error(`user ${recipient.username} has no webhook any more`);
      const body = JSON.stringify({ event: notification.event, case: overdue });
      return this.http.post(recipient.webhookUrl, body, {
        'X-Wage-Signature': signWebhookBody(body, this.settings.webhookSigningSecret),
      });
    }
    return this.robots(notification, recipient, message);
  }

  /**
   * A verification asked of a grid's assistants, or overdue to the district's inspectors: the same channels, a
   * message about the verification, linking to the alert when it is about one this service knows.
   */
  private async sendVerification(
    notification: NotificationRecord,
    event: 'verification.requested' | 'verification.overdue',
    recipient: User,
  ): Promise<void> {
    const [notice]: (VerificationNotice & { alertId: string | null })[] = await this.dataSource.query(
      `SELECT n.verification_id AS "verificationId", n.subject, n.alert_key AS "alertKey", n.code, n.severity,
              n.complaint_id AS "complaintId", n.project_code AS "projectCode", n.grid_code AS "gridCode",
              n.region_code AS "regionCode", n.requested_at AS "requestedAt",
              to_char(n.due_by, 'YYYY-MM-DD') AS "dueBy", n.working_days_overdue AS "workingDaysOverdue",
              a.id AS "alertId"
         FROM "${SCHEMA}".verification_notices n
         LEFT JOIN "${SCHEMA}".alerts a ON a.alert_key = n.alert_key
        WHERE n.verification_id = $1 AND n.kind = $2`,
      [notification.verificationId, event === 'verification.requested' ? 'REQUESTED' : 'OVERDUE'],
    );
    if (!notice) throw new Error('the verification of this notification is not known');
    const { alertId, ...verification } = notice;
    verification.requestedAt = new Date(verification.requestedAt).toISOString();
    const link = alertId ? alertLink(this.settings.consoleBaseUrl, alertId) : this.settings.consoleBaseUrl;
    const message = composeVerificationMessage(event, verification, link);
    if (notification.channel === 'EMAIL') {
      if (!recipient.email) throw new Error(`user ${recipient.username} has no e-mail address any more`);
      return this.email.send(recipient.email, message.subject, message.text);
    }
    if (notification.channel === 'WEBHOOK') {
      if (!recipient.webhookUrl) throw new Error(`user ${recipient.username} has no webhook any more`);
      const body = JSON.stringify({ event, verification: { ...verification, alertId } });
      return this.http.post(recipient.webhookUrl, body, {
        'X-Wage-Signature': signWebhookBody(body, this.settings.webhookSigningSecret),
      });
    }
    return this.robots(notification, recipient, message);
  }

  private robots(notification: NotificationRecord, recipient: User, message: Message): Promise<void> {
    const target = (url: string | null, what: string) => {
      if (!url) throw new Error(`user ${recipient.username} has no ${what} any more`);
      return url;
    };
    switch (notification.channel) {
      case 'WECOM':
        return this.http.post(
          target(recipient.wecomWebhook, 'WeCom robot'),
          JSON.stringify({ msgtype: 'markdown', markdown: { content: message.markdown } }),
        );
      case 'DINGTALK':
        return this.http.post(
          target(recipient.dingtalkWebhook, 'DingTalk robot'),
          JSON.stringify({
            msgtype: 'markdown',
            markdown: { title: message.subject, text: message.markdown },
          }),
        );
      default:
        throw new Error(`channel ${notification.channel} is not a robot`);
    }
  }
}
