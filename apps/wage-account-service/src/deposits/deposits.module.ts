import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { DepositRepository } from './deposit-repository';
import { DepositsController } from './deposits.controller';
import { GetDepositsInForceUseCase } from './use-cases/get-deposits-in-force/get-deposits-in-force.use-case';
import { RecordDepositMovementUseCase } from './use-cases/record-deposit-movement/record-deposit-movement.use-case';
import { RecordDepositUseCase } from './use-cases/record-deposit/record-deposit.use-case';

@Module({
  imports: [ProjectsModule],
  controllers: [DepositsController],
  providers: [
    DepositRepository,
    RecordDepositUseCase,
    RecordDepositMovementUseCase,
    GetDepositsInForceUseCase,
  ],
})
export class DepositsModule {}
