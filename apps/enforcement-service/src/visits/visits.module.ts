import { Module } from '@nestjs/common';
import { AlertClient } from '../alerts/alert-client';
import { ComplaintRepository } from '../complaints/complaint.repository';
import { ProjectsModule } from '../projects/project.repository';
import { AddVisitPhotoUseCase } from './use-cases/add-visit-photo/add-visit-photo.use-case';
import { GetVisitPhotoUseCase } from './use-cases/get-visit-photo/get-visit-photo.use-case';
import { GridCoverageUseCase } from './use-cases/grid-coverage/grid-coverage.use-case';
import { ListVisitsUseCase } from './use-cases/list-visits/list-visits.use-case';
import { RecordVisitUseCase } from './use-cases/record-visit/record-visit.use-case';
import { VisitPlanUseCase } from './use-cases/visit-plan/visit-plan.use-case';
import { VisitRepository } from './visit.repository';
import { GridsController, VisitPlansController, VisitsController } from './visits.controller';

/** Grid visits (走访核实): visits and their photos, grid visit plans, and the grids' visit coverage. */
@Module({
  imports: [ProjectsModule],
  controllers: [VisitsController, VisitPlansController, GridsController],
  providers: [
    AlertClient,
    ComplaintRepository,
    VisitRepository,
    RecordVisitUseCase,
    AddVisitPhotoUseCase,
    GetVisitPhotoUseCase,
    ListVisitsUseCase,
    VisitPlanUseCase,
    GridCoverageUseCase,
  ],
})
export class VisitsModule {}
