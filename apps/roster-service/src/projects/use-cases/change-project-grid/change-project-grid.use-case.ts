import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectGridChanged } from '@wage/contracts';
import { gridCodeProblem } from '@wage/domain';
import {
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  newEvent,
  type Principal,
  Clock,
} from '@wage/platform';
import type { ChangeProjectGridBody } from '../../dto/change-project-grid.dto';
import { ProjectAccess } from '../../project-access';
import { projectView, type ProjectView } from '../../project.view';

/**
 * Places a project in a grid of its district, moves it or takes it out (null). Who decides a project's status
 * decides this too — an administrator or an inspector of the region; the project itself may not place itself
 * (where it is watched from is no fact it reports). The same grid again changes nothing and emits nothing.
 */
@Injectable()
export class ChangeProjectGridUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
    private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    code: string,
    change: ChangeProjectGridBody,
  ): Promise<ProjectView & { changed: boolean }> {
    const answer = await this.dataSource.transaction(async (manager) => {
      const project = await this.access.lockForBatch(manager, code);
      if (this.access.statusAuthority(principal, project) !== 'decide') {
        throw UseCaseError.forbidden(
          '项目不能自行设定所属网格；请由本辖区的劳动保障监察员或管理员设定 (a project does not place itself in a grid)',
        );
      }
      const problem = change.gridCode === null ? null : gridCodeProblem(change.gridCode, project.regionCode);
      if (problem !== null) {
        throw UseCaseError.invalid(`网格编码不可用：${problem}`, [{ field: 'gridCode', message: problem }]);
      }
      if (change.gridCode === project.gridCode) {
        return { ...projectView(project, this.clock.today()), changed: false };
      }
      await manager.query(`UPDATE roster.projects SET grid_code = $2 WHERE code = $1`, [
        project.code,
        change.gridCode,
      ]);
      await this.outbox.append(manager, [
        newEvent(ProjectGridChanged, project.code, {
          code: project.code,
          regionCode: project.regionCode,
          gridCode: change.gridCode,
          previousGridCode: project.gridCode,
        }),
      ]);
      const moved = { ...project, gridCode: change.gridCode };
      return { ...projectView(moved, this.clock.today()), changed: true };
    });
    if (answer.changed) this.outboxRelay.relay.wake();
    return answer;
  }
}
