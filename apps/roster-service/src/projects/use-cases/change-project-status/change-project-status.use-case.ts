import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectStatusChanged } from '@wage/contracts';
import { ApiError, OutboxRelayService, OutboxWriter, newEvent } from '@wage/platform';
import { ProjectAccess } from '../../project-access';
import { projectView, type ProjectView } from '../../project.view';
import type { ChangeProjectStatusBody } from '../../dto/change-project-status.dto';

/**
 * Moves a project to 在建, 停工 or 竣工 from a date. The rules engine suppresses rules while a project is
 * suspended or completed, so the date matters: it may not precede the start date or the current status's date.
 * Asking for the status the project already has changes nothing and emits nothing.
 */
@Injectable()
export class ChangeProjectStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async execute(code: string, change: ChangeProjectStatusBody): Promise<ProjectView & { changed: boolean }> {
    const answer = await this.dataSource.transaction(async (manager) => {
      const project = await this.access.lockForBatch(manager, code);
      if (project.status === change.status) return { ...projectView(project), changed: false };
      const earliest =
        project.statusEffectiveDate > project.startDate ? project.statusEffectiveDate : project.startDate;
      if (change.effectiveDate < earliest) {
        throw ApiError.badRequest(
          `effectiveDate ${change.effectiveDate} is before ${earliest}, the date the project's current status ` +
            `(${project.status}) took effect; a status change cannot be dated earlier`,
          [{ field: 'effectiveDate', code: 'INVALID_DATE', message: `must be ${earliest} or later` }],
        );
      }
      await manager.query(
        `UPDATE roster.projects SET status = $2, status_effective_date = $3, updated_at = now() WHERE code = $1`,
        [code, change.status, change.effectiveDate],
      );
      await this.outbox.append(manager, [
        newEvent(ProjectStatusChanged, code, {
          code,
          status: change.status,
          previousStatus: project.status,
          effectiveDate: change.effectiveDate,
        }),
      ]);
      const updated = { ...project, status: change.status, statusEffectiveDate: change.effectiveDate };
      return { ...projectView(updated), changed: true };
    });
    if (answer.changed) this.outboxRelay.relay.wake();
    return answer;
  }
}
