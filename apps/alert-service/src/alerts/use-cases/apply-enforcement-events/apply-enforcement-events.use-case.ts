import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CaseOverdue,
  EnforcementEvent,
  VerificationOverdue,
  VerificationRecorded,
  VerificationRequested,
} from '@wage/contracts';
import { NATIONAL_REGION, covers, regionChain } from '@wage/domain';
import { LOGGER, type Logger } from '@wage/platform';
import { PlanNotificationsUseCase } from '../../../notifications/use-cases/plan-notifications/plan-notifications.use-case';
import { mostSpecific, regionsAbove } from '../../../notifications/routing';
import { SCHEMA } from '../../../schema';
import { UserRepository } from '../../../users/user.repository';
import { AuditLogRepository } from '../../audit-log.repository';

const CLOSURE_LABELS: Record<string, string> = {
  PENALTY: '处罚结案',
  HANDLED: '处理结案',
  WITHDRAWN: '撤销立案',
  TRANSFERRED_POLICE: '移送公安',
  TRANSFERRED_DEPARTMENT: '移送其他部门',
  REFUSED: '不予受理',
  ARBITRATION: '转仲裁',
};

/**
 * What enforcement-service's events change on alerts: a case opened from an alert is linked to it and entered in
 * its history, and its closure too. A case past its investigation limit (CaseOverdue) goes to the leaders of the
 * nearest region above that has leaders, on their channels, once per limit (the delivery log's key).
 * Grid verification (核实): a request goes to the assistants of the grid (VerificationRequested), an overdue one to
 * the inspectors of the district at the most specific level that has any, as alerts go (VerificationOverdue), each
 * once per person, channel and verification; a visit that verified an alert enters the alert's history once
 * (VerificationRecorded, by visit), its status unchanged. The other enforcement events (findings, grades, orders)
 * concern nothing here.
 */
@Injectable()
export class ApplyEnforcementEventsUseCase {
  constructor(
    private readonly audit: AuditLogRepository,
    private readonly users: UserRepository,
    private readonly plan: PlanNotificationsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(manager: EntityManager, events: EnforcementEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'CaseOverdue') await this.escalate(manager, event.data);
      if (event.type === 'VerificationRequested') await this.requestVerification(manager, event.data);
      if (event.type === 'VerificationOverdue') await this.verificationOverdue(manager, event.data);
      if (event.type === 'VerificationRecorded' && event.data.subject === 'ALERT')
        await this.verified(manager, event.data);
      if (event.type === 'CaseOpened' && event.data.alertKey) {
        const { caseId, alertKey, openedAt, closeBy } = event.data;
        await manager.query(
          `INSERT INTO "${SCHEMA}".alert_enforcement_cases (for_alert_key, case_id, status, opened_at, close_by)
           VALUES ($1, $2, 'OPEN', $3, $4) ON CONFLICT DO NOTHING`,
          [alertKey, caseId, openedAt, closeBy],
        );
        await this.entry(
          manager,
          alertKey,
          openedAt,
          'CASE_OPENED',
          `已立案（案件 ${caseId}），办结期限 ${closeBy}`,
          {
            caseId,
          },
        );
      }
      if (event.type === 'CaseClosed') {
        const { caseId, closedAt, closeBy, code, withinLimit } = event.data;
        // The closure carries the deadline the case ended with: an extension moved it after the case opened.
        // pg answers an UPDATE … RETURNING as [rows, count].
        const [[linked]]: [{ alertKey: string }[], number] = await manager.query(
          `UPDATE "${SCHEMA}".alert_enforcement_cases
              SET status = 'CLOSED', closed_at = $2, closure_code = $3, close_by = $4
           WHERE case_id = $1 AND status = 'OPEN' RETURNING for_alert_key AS "alertKey"`,
          [caseId, closedAt, code, closeBy],
        );
        if (linked)
          await this.entry(
            manager,
            linked.alertKey,
            closedAt,
            'CASE_CLOSED',
            `已结案（${CLOSURE_LABELS[code] ?? code}${withinLimit ? '' : '，超过办案期限'}）`,
            { caseId, code, withinLimit },
          );
      }
    }
  }

  private async escalate(manager: EntityManager, overdue: CaseOverdue): Promise<void> {
    const above = regionsAbove(overdue.regionCode);
    const leaders = await this.users.inRegions('LEADER', above, manager);
    const region = above.find((code) => leaders.some((leader) => leader.regionCode === code)) ?? null;
    await manager.query(
      `INSERT INTO "${SCHEMA}".case_escalations (case_id, close_by, region_code, project_code, alert_key,
         employer_name, opened_at, extended, working_days_overdue, escalated_to_region)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (case_id, close_by) DO NOTHING`,
      [
        overdue.caseId,
        overdue.closeBy,
        overdue.regionCode,
        overdue.projectCode ?? null,
        overdue.alertKey ?? null,
        overdue.employer.name,
        overdue.openedAt,
        overdue.extended,
        overdue.workingDaysOverdue,
        region,
      ],
    );
    await this.plan.execute(manager, [
      {
        subject: `case-${overdue.caseId}`,
        alertIds: [],
        caseId: overdue.caseId,
        recipients: leaders.filter((leader) => leader.regionCode === region),
        reason: `case-overdue-${overdue.closeBy}`,
        event: 'case.overdue',
      },
    ]);
  }

  /** The grid's assistants: those of the grid itself, or of the street (9 digits) a community grid is in. */
  private async requestVerification(manager: EntityManager, request: VerificationRequested): Promise<void> {
    await this.keepNotice(manager, 'REQUESTED', request, null);
    const assistants = (
      await this.users.inRegions('GRID_ASSISTANT', regionChain(request.gridCode), manager)
    ).filter((assistant) => covers(assistant.regionCode, request.gridCode));
    await this.planVerification(manager, request.verificationId, assistants, 'verification.requested');
  }

  /** The district's inspectors, most specific level first (as alerts go); never a grid assistant. */
  private async verificationOverdue(manager: EntityManager, overdue: VerificationOverdue): Promise<void> {
    await this.keepNotice(manager, 'OVERDUE', overdue, overdue.workingDaysOverdue);
    const candidates = await this.users.inRegions(
      'INSPECTOR',
      [...regionChain(overdue.regionCode), NATIONAL_REGION],
      manager,
    );
    await this.planVerification(
      manager,
      overdue.verificationId,
      mostSpecific(candidates, overdue.regionCode),
      'verification.overdue',
    );
  }

  private async keepNotice(
    manager: EntityManager,
    kind: 'REQUESTED' | 'OVERDUE',
    notice: VerificationRequested | VerificationOverdue,
    workingDaysOverdue: number | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".verification_notices (verification_id, kind, subject, alert_key, code, severity,
         complaint_id, project_code, grid_code, region_code, requested_at, due_by, working_days_overdue)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (verification_id, kind) DO NOTHING`,
      [
        notice.verificationId,
        kind,
        notice.subject,
        notice.alertKey ?? null,
        notice.code ?? null,
        notice.severity ?? null,
        notice.complaintId ?? null,
        notice.projectCode ?? null,
        notice.gridCode,
        notice.regionCode,
        notice.requestedAt,
        notice.dueBy,
        workingDaysOverdue,
      ],
    );
  }

  private async planVerification(
    manager: EntityManager,
    verificationId: string,
    recipients: Awaited<ReturnType<UserRepository['inRegions']>>,
    event: 'verification.requested' | 'verification.overdue',
  ): Promise<void> {
    await this.plan.execute(manager, [
      {
        subject: `verification-${verificationId}`,
        alertIds: [],
        verificationId,
        recipients,
        reason: event.replace('.', '-'),
        event,
      },
    ]);
  }

  /**
   * A visit's verification of an alert, in its history (by the visit's instant, the visitor as actor, the findings
   * as note). An alert this service does not know is logged and skipped; a visit already entered is not entered
   * again.
   */
  private async verified(manager: EntityManager, recorded: VerificationRecorded): Promise<void> {
    const { alertKey, visitId } = recorded;
    if (!alertKey) {
      this.logger.warn({ visitId }, 'VerificationRecorded about an alert without its alertKey: skipped');
      return;
    }
    const [alert]: { id: string; status: never }[] = await manager.query(
      `SELECT id, status FROM "${SCHEMA}".alerts WHERE alert_key = $1`,
      [alertKey],
    );
    if (!alert) {
      this.logger.warn({ alertKey, visitId }, 'VerificationRecorded about an unknown alert: skipped');
      return;
    }
    const entered = await manager.query(
      `SELECT 1 FROM "${SCHEMA}".audit_log WHERE action = 'VERIFIED' AND details->>'visitId' = $1`,
      [visitId],
    );
    if (entered.length > 0) return;
    await this.audit.append(manager, [
      {
        alertId: alert.id,
        alertKey,
        at: new Date(recorded.visitedAt),
        actor: recorded.recordedBy,
        action: 'VERIFIED',
        fromStatus: alert.status,
        toStatus: alert.status,
        severity: null,
        note: recorded.findings,
        details: {
          visitId,
          result: recorded.result,
          verificationId: recorded.verificationId ?? null,
          gridCode: recorded.gridCode,
        },
      },
    ]);
  }

  private async entry(
    manager: EntityManager,
    alertKey: string,
    at: string,
    action: 'CASE_OPENED' | 'CASE_CLOSED',
    note: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const [alert]: { id: string; status: never }[] = await manager.query(
      `SELECT id, status FROM "${SCHEMA}".alerts WHERE alert_key = $1`,
      [alertKey],
    );
    await this.audit.append(manager, [
      {
        alertId: alert?.id ?? null,
        alertKey,
        at: new Date(at),
        actor: 'enforcement-service',
        action,
        fromStatus: alert?.status ?? null,
        toStatus: alert?.status ?? null,
        severity: null,
        note,
        details,
      },
    ]);
  }
}
