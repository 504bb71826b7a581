import { Inject, Injectable } from '@nestjs/common';
import { UseCaseError, type Principal } from '@wage/platform';
import { ENFORCEMENT_SETTINGS } from '../../../config/enforcement-settings';
import type { EnforcementSettings } from '../../../config/env';
import { ProjectRepository } from '../../../projects/project.repository';
import { CaseRepository } from '../../case.repository';
import { caseDocument } from '../../documents/case-document';
import { renderCaseDocument } from '../../documents/render-case-document';
import { visibleTo } from '../case-guards';

export interface CaseDocumentFile {
  fileName: string;
  pdf: Buffer;
}

/** The PDF of one action of a case (an order, a decision, a transfer), for whoever may see the case. */
@Injectable()
export class GetCaseDocumentUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly projects: ProjectRepository,
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
  ) {}

  async execute(principal: Principal, caseId: string, actionId: string): Promise<CaseDocumentFile> {
    const row = await this.cases.find(caseId);
    if (!row) throw UseCaseError.notFound(`no case ${caseId}, or not one you may see`);
    visibleTo(principal, row);
    const action = (await this.cases.actions(caseId)).find((a) => a.id === actionId);
    if (!action) throw UseCaseError.notFound(`case ${caseId} has no action ${actionId}`);
    const project = row.project_code ? await this.projects.find(row.project_code) : undefined;
    const document = caseDocument(row, action, project?.name);
    const pdf = await renderCaseDocument(this.settings.pdfFont, document);
    return { fileName: `${document.title}-${action.document_no ?? action.id}.pdf`, pdf };
  }
}
