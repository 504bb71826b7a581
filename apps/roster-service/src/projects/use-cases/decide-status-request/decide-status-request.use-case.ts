import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UseCaseError, OutboxRelayService, describePrincipal, type Principal } from '@wage/platform';
import type { DecideStatusRequestBody } from '../../dto/change-project-status.dto';
import { ProjectAccess } from '../../project-access';
import type { ProjectView } from '../../project.view';
import { StatusRequestRepository, type StatusRequestView } from '../../status-request.repository';
import { ChangeProjectStatusUseCase } from '../change-project-status/change-project-status.use-case';

/**
 * An inspector of the region or an administrator approves a project's status request, which then applies as if
 * they had made the change (checked again on the day of the decision), or rejects it. A request is decided once.
 */
@Injectable()
export class DecideStatusRequestUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly requests: StatusRequestRepository,
    private readonly changeStatus: ChangeProjectStatusUseCase,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async execute(
    principal: Principal,
    code: string,
    id: string,
    decision: 'APPROVED' | 'REJECTED',
    { note }: DecideStatusRequestBody,
  ): Promise<{ request: StatusRequestView; project?: ProjectView & { changed: boolean } }> {
    const answer = await this.dataSource.transaction(async (manager) => {
      const project = await this.access.lockForBatch(manager, code);
      if (this.access.statusAuthority(principal, project) !== 'decide') {
        throw UseCaseError.forbidden(
          'a project does not decide its own status request; an inspector of the region does',
        );
      }
      const request = await this.requests.findForUpdate(manager, code, id);
      if (!request) throw UseCaseError.notFound(`project ${code} has no status request ${id}`);
      if (request.decision !== null) {
        throw UseCaseError.conflict(
          'ALREADY_DECIDED',
          `status request ${id} was already ${request.decision.toLowerCase()} by ${request.decidedBy} at ${request.decidedAt}`,
        );
      }
      const changed =
        decision === 'APPROVED'
          ? await this.changeStatus.apply(manager, project, request, principal)
          : undefined;
      const decided = await this.requests.decide(
        manager,
        id,
        decision,
        describePrincipal(principal),
        note ?? null,
      );
      return { request: decided, ...(changed ? { project: changed } : {}) };
    });
    if (answer.project?.changed) this.outboxRelay.relay.wake();
    return answer;
  }
}
