import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { alertEvidence, AlertCode, alertKey, regionCode, Severity } from '@wage/contracts';
import { UseCaseError, LOGGER, type Logger } from '@wage/platform';
import { ENFORCEMENT_SETTINGS } from '../config/enforcement-settings';
import type { EnforcementSettings } from '../config/env';

/** The part of alert-service's answer a case copies: what the alert is about and its evidence (masked). */
const alertAnswer = z.object({
  id: z.uuid(),
  code: AlertCode,
  projectCode: z.string().min(1),
  regionCode,
  month: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  severity: Severity.optional(),
  evidence: alertEvidence,
});
export type FetchedAlert = z.infer<typeof alertAnswer> & { alertKey: string };

const TIMEOUT_MS = 10_000;

/**
 * Reads an alert from alert-service, which owns alerts, as the caller: their own bearer token goes along, so
 * alert-service applies its own scoping and a case can only be opened from an alert the caller may see.
 */
@Injectable()
export class AlertClient {
  constructor(
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async fetch(alertId: string, authorization: string): Promise<FetchedAlert> {
    let answer: Response;
    try {
      answer = await fetch(`${this.settings.alertServiceUrl}/api/v1/alerts/${encodeURIComponent(alertId)}`, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'alert-service did not answer');
      throw new UseCaseError(
        'UNAVAILABLE',
        'ALERT_SERVICE_UNAVAILABLE',
        'alert-service did not answer; try again shortly',
      );
    }
    if (answer.status === 404 || answer.status === 403)
      throw UseCaseError.notFound(`no alert ${alertId}, or not one you may see`);
    if (!answer.ok) {
      this.logger.warn({ status: answer.status }, 'alert-service refused to give an alert');
      throw new UseCaseError(
        'UNAVAILABLE',
        'ALERT_SERVICE_UNAVAILABLE',
        `alert-service answered ${answer.status}; try again shortly`,
      );
    }
    const parsed = alertAnswer.safeParse(await answer.json());
    if (!parsed.success) {
      this.logger.error(
        { issues: parsed.error.issues.length },
        'alert-service answered an alert of an unknown shape',
      );
      throw new UseCaseError(
        'UNAVAILABLE',
        'ALERT_SERVICE_UNAVAILABLE',
        'alert-service answered an alert this service cannot read',
      );
    }
    const alert = parsed.data;
    return { ...alert, alertKey: alertKey(alert.code, alert.projectCode, alert.month) };
  }
}
