import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertDismissed, type AlertStatus } from '@wage/contracts';
import { covers } from '@wage/domain';
import {
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  newEvent,
  type Principal,
  Clock,
} from '@wage/platform';
import { AfterCommit } from '../../../common/after-commit';
import { UserRepository } from '../../../users/user.repository';
import { AlertRepository } from '../../alert.repository';
import { AlertStream } from '../../alert-stream';
import { toAlertView, type AlertView } from '../../alert-view';
import { nextStatus, type WorkflowAction } from '../../alert-workflow';
import { AuditLogRepository, type AuditAction } from '../../audit-log.repository';

export interface WorkflowRequest {
  action: WorkflowAction;
  note?: string;
  /** For `assign`: who takes the case. */
  assignee?: string;
}

const ACTION: Record<WorkflowAction, AuditAction> = {
  acknowledge: 'ACKNOWLEDGED',
  assign: 'ASSIGNED',
  resolve: 'RESOLVED',
  dismiss: 'DISMISSED',
};

/**
 * acknowledge, assign, resolve, dismiss: checked against the workflow, written with the audit entry, streamed. A
 * dismissal is also told to the rules engine (AlertDismissed, through the outbox in the same transaction): an alert
 * found unfounded is not the contractor's arrears.
 */
@Injectable()
export class ChangeAlertStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
    private readonly users: UserRepository,
    private readonly stream: AlertStream,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async execute(principal: Principal, id: string, request: WorkflowRequest): Promise<AlertView> {
    const view = await this.dataSource.transaction(async (manager) => {
      if (!(await this.alerts.findVisible(principal, id, manager)))
        throw UseCaseError.notFound(`no alert ${id}`);
      if (principal.kind === 'user' && principal.role === 'GRID_ASSISTANT') {
        throw UseCaseError.forbidden(
          '网格协管员不能签收、指派、办结或驳回预警；请到现场核实并登记巡查 (a grid assistant records visits, not alert decisions)',
        );
      }
      const alert = (await this.alerts.lockById(manager, id))!;
      const outcome = nextStatus(alert.status, request.action);
      if (!outcome.ok)
        throw UseCaseError.conflict('INVALID_TRANSITION', `cannot ${request.action}: ${outcome.reason}`);
      let assignee = alert.assignee;
      if (request.action === 'assign') {
        const person = await this.users.find(request.assignee!, manager);
        if (
          !person ||
          person.role === 'ADMIN' ||
          person.role === 'GRID_ASSISTANT' ||
          !covers(person.regionCode, alert.regionCode)
        ) {
          throw new UseCaseError(
            'UNPROCESSABLE',
            'ASSIGNEE_NOT_ELIGIBLE',
            `${request.assignee} cannot take this alert: assign an inspector or leader whose region covers ${alert.regionCode}`,
          );
        }
        assignee = person.username;
      }
      const now = this.clock.now();
      const status: AlertStatus = outcome.status;
      const changed = {
        ...alert,
        status,
        assignee,
        updatedAt: now,
        resolvedSeverity: status === 'RESOLVED' ? alert.severity : alert.resolvedSeverity,
      };
      await this.alerts.save(manager, changed);
      await this.audit.append(manager, [
        {
          alertId: alert.id,
          alertKey: alert.alertKey,
          at: now,
          actor: describePrincipal(principal),
          action: ACTION[request.action],
          fromStatus: alert.status,
          toStatus: status,
          severity: alert.severity,
          note:
            request.action === 'assign'
              ? `assigned to ${assignee}${request.note ? `: ${request.note}` : ''}`
              : (request.note ?? null),
        },
      ]);
      if (request.action === 'dismiss') {
        await this.outbox.append(manager, [
          newEvent(
            AlertDismissed,
            alert.projectCode,
            {
              alertKey: alert.alertKey,
              code: alert.code,
              projectCode: alert.projectCode,
              regionCode: alert.regionCode,
              month: alert.month,
              reason: request.note!,
              dismissedAt: now.toISOString(),
            },
            now,
          ),
        ]);
      }
      const view = toAlertView(changed, await this.audit.history(alert.id, manager));
      await this.afterCommit.run(manager, () => this.stream.publish({ event: 'alert.updated', alert: view }));
      return view;
    });
    if (request.action === 'dismiss') this.outboxRelay.relay.wake();
    return view;
  }
}
