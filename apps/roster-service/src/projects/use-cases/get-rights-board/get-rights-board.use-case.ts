import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import { Clock } from '@wage/platform';
import { ROSTER_SETTINGS } from '../../../common/tokens';
import type { RightsBoardQuery } from '../../dto/rights-board.dto';
import { ProjectAccess } from '../../project-access';
import { renderRightsBoard } from '../../rights-board/render-rights-board';
import { rightsBoard } from '../../rights-board/rights-board';

export interface RightsBoardFile {
  fileName: string;
  pdf: Buffer;
}

/** The printable rights-information board of a project, for the project itself and users of its region. */
@Injectable()
export class GetRightsBoardUseCase {
  constructor(
    private readonly access: ProjectAccess,
    private readonly clock: Clock,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  async execute(principal: Principal, code: string, query: RightsBoardQuery): Promise<RightsBoardFile> {
    const project = await this.access.readable(principal, code);
    const { rightsBoard: settings } = this.settings;
    const board = rightsBoard(project, settings, this.clock.today());
    const pdf = await renderRightsBoard(settings.pdfFont, board, query.size);
    return { fileName: `维权信息告示牌-${project.code}-${query.size}.pdf`, pdf };
  }
}
