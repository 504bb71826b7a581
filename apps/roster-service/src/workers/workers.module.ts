import { Module } from '@nestjs/common';
import { ImportWorkersUseCase } from './use-cases/import-workers/import-workers.use-case';
import { ListWorkersUseCase } from './use-cases/list-workers/list-workers.use-case';
import { UpsertWorkersUseCase } from './use-cases/upsert-workers/upsert-workers.use-case';
import { WorkersController } from './workers.controller';

@Module({
  controllers: [WorkersController],
  providers: [UpsertWorkersUseCase, ImportWorkersUseCase, ListWorkersUseCase],
})
export class WorkersModule {}
