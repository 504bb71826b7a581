import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ProjectsModule } from '../projects/project.repository';
import { VerificationsModule } from '../verifications/verifications.module';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintsController } from './complaints.controller';
import { DecideComplaintUseCase } from './use-cases/decide-complaint/decide-complaint.use-case';
import { ListComplaintsUseCase } from './use-cases/list-complaints/list-complaints.use-case';
import { ReceiveSupplementUseCase } from './use-cases/receive-supplement/receive-supplement.use-case';
import { SubmitComplaintUseCase } from './use-cases/submit-complaint/submit-complaint.use-case';

@Module({
  imports: [CasesModule, ProjectsModule, VerificationsModule],
  controllers: [ComplaintsController],
  providers: [
    ComplaintRepository,
    SubmitComplaintUseCase,
    DecideComplaintUseCase,
    ListComplaintsUseCase,
    ReceiveSupplementUseCase,
  ],
})
export class ComplaintsModule {}
