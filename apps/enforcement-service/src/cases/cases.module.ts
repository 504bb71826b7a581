import { Module } from '@nestjs/common';
import { AlertClient } from '../alerts/alert-client';
import { GradingsModule } from '../gradings/gradings.module';
import { ProjectsModule } from '../projects/project.repository';
import { CaseRepository } from './case.repository';
import { CasesController } from './cases.controller';
import { GetCaseDocumentUseCase } from './use-cases/get-case-document/get-case-document.use-case';
import { CloseCaseUseCase } from './use-cases/close-case/close-case.use-case';
import { ListCasesUseCase } from './use-cases/list-cases/list-cases.use-case';
import { OpenCaseUseCase } from './use-cases/open-case/open-case.use-case';
import { RecordActionUseCase } from './use-cases/record-action/record-action.use-case';
import { RecordRecoveryUseCase } from './use-cases/record-recovery/record-recovery.use-case';

@Module({
  imports: [ProjectsModule, GradingsModule],
  controllers: [CasesController],
  providers: [
    AlertClient,
    CaseRepository,
    OpenCaseUseCase,
    ListCasesUseCase,
    RecordActionUseCase,
    CloseCaseUseCase,
    RecordRecoveryUseCase,
    GetCaseDocumentUseCase,
  ],
  exports: [OpenCaseUseCase, CaseRepository],
})
export class CasesModule {}
