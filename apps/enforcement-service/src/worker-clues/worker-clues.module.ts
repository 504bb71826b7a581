import { Module } from '@nestjs/common';
import { ComplaintRepository } from '../complaints/complaint.repository';
import { ProjectsModule } from '../projects/project.repository';
import { RollEntries, RollEntriesConsumer } from './roll-entries';
import { FileClueUseCase } from './use-cases/file-clue/file-clue.use-case';
import { ListOwnCluesUseCase } from './use-cases/list-own-clues/list-own-clues.use-case';
import { WorkerCluesController } from './worker-clues.controller';

/** Workers' arrears clues (/worker/clues): complaints filed from the workers' page under a WORKER session. */
@Module({
  imports: [ProjectsModule],
  controllers: [WorkerCluesController],
  providers: [RollEntries, RollEntriesConsumer, ComplaintRepository, FileClueUseCase, ListOwnCluesUseCase],
})
export class WorkerCluesModule {}
