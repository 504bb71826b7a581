import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ProjectsModule } from '../projects/project-directory';
import { VerificationsModule } from '../verifications/verifications.module';
import { ComplaintStore } from './complaint-store';
import { ComplaintsController } from './complaints.controller';
import { DecideComplaintUseCase } from './use-cases/decide-complaint/decide-complaint.use-case';
import { ListComplaintsUseCase } from './use-cases/list-complaints/list-complaints.use-case';
import { ReceiveSupplementUseCase } from './use-cases/receive-supplement/receive-supplement.use-case';
import { SubmitComplaintUseCase } from './use-cases/submit-complaint/submit-complaint.use-case';

@Module({
  imports: [CasesModule, ProjectsModule, VerificationsModule],
  controllers: [ComplaintsController],
  providers: [
    ComplaintStore,
    SubmitComplaintUseCase,
    DecideComplaintUseCase,
    ListComplaintsUseCase,
    ReceiveSupplementUseCase,
  ],
})
export class ComplaintsModule {}
