import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectStatusChanged } from '@wage/contracts';
import type { Month } from '@wage/domain';
import {
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  isAdmin,
  newEvent,
  type Principal,
  Clock,
} from '@wage/platform';
import type { ChangeProjectStatusBody } from '../../dto/change-project-status.dto';
import { ProjectAccess } from '../../project-access';
import type { ProjectRecord } from '../../project.repository';
import { projectView, type ProjectView } from '../../project.view';
import { planStatusChange } from '../../status-change';
import { StatusRequestRepository, type StatusRequestView } from '../../status-request.repository';

export type ChangeProjectStatusAnswer =
  | { outcome: 'DONE'; body: ProjectView & { changed: boolean } }
  | { outcome: 'PENDING'; body: { request: StatusRequestView; project: ProjectView } };

/**
 * Moves a project to 在建, 停工 or 竣工 from a date (see `planStatusChange` for which dates). An administrator or
 * an inspector of the region changes it; from the project itself it is a request that changes nothing until one
 * of them approves it. Asking for the status the project already has changes nothing and emits nothing.
 */
@Injectable()
export class ChangeProjectStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly requests: StatusRequestRepository,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
    private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    code: string,
    change: ChangeProjectStatusBody,
  ): Promise<ChangeProjectStatusAnswer> {
    const answer = await this.dataSource.transaction(async (manager): Promise<ChangeProjectStatusAnswer> => {
      const project = await this.access.lockForBatch(manager, code);
      const authority = this.access.statusAuthority(principal, project);
      if (authority === 'request') {
        // Checked now as an inspector would decide it, so the project learns at once of a date that cannot be.
        const plan = planStatusChange(project, change, await this.facts(manager, project, false));
        if (!plan.changed)
          return { outcome: 'DONE', body: { ...projectView(project, this.clock.today()), changed: false } };
        const request = await this.requests.insert(manager, {
          id: randomUUID(),
          projectCode: code,
          status: change.status,
          effectiveDate: change.effectiveDate,
          reason: change.reason ?? null,
          requestedBy: describePrincipal(principal),
        });
        return { outcome: 'PENDING', body: { request, project: projectView(project, this.clock.today()) } };
      }
      return { outcome: 'DONE', body: await this.apply(manager, project, change, principal) };
    });
    if (answer.outcome === 'DONE' && answer.body.changed) this.outboxRelay.relay.wake();
    return answer;
  }

  /** Applies a change decided by an administrator or inspector, within the caller's transaction. */
  async apply(
    manager: EntityManager,
    project: ProjectRecord,
    change: { status: ProjectRecord['status']; effectiveDate: string },
    decider: Principal,
  ): Promise<ProjectView & { changed: boolean }> {
    const today = this.clock.today();
    const plan = planStatusChange(project, change, await this.facts(manager, project, isAdmin(decider)));
    if (!plan.changed) return { ...projectView(project, today), changed: false };
    const { next, events } = plan;
    await manager.query(
      `UPDATE roster.projects SET status = $2, status_effective_date = $3, previous_status = $4,
         previous_status_effective_date = $5, updated_at = now() WHERE code = $1`,
      [
        project.code,
        next.status,
        next.statusEffectiveDate,
        next.previousStatus,
        next.previousStatusEffectiveDate,
      ],
    );
    await this.outbox.append(
      manager,
      events.map((event) => newEvent(ProjectStatusChanged, project.code, { code: project.code, ...event })),
    );
    return { ...projectView({ ...project, ...next }, today), changed: true };
  }

  private async facts(manager: EntityManager, project: ProjectRecord, mayCorrectScheduled: boolean) {
    const [{ month }]: { month: Month | null }[] = await manager.query(
      `SELECT max(month) AS month FROM (
         SELECT month FROM roster.attendance WHERE project_code = $1 AND days_worked > 0
         UNION ALL SELECT month FROM roster.pay_sheets WHERE project_code = $1) reported`,
      [project.code],
    );
    return { today: this.clock.today(), latestReportedMonth: month, mayCorrectScheduled };
  }
}
