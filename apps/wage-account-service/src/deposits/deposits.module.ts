import { Module } from '@nestjs/common';
import { BanksModule } from '../banks/banks.module';
import { ProjectsModule } from '../projects/projects.module';
import { DepositRepository } from './deposit.repository';
import { DepositsController } from './deposits.controller';
import { ConfirmDepositUseCase } from './use-cases/confirm-deposit/confirm-deposit.use-case';
import { GetDepositsInForceUseCase } from './use-cases/get-deposits-in-force/get-deposits-in-force.use-case';
import { RecordDepositMovementUseCase } from './use-cases/record-deposit-movement/record-deposit-movement.use-case';
import { RecordDepositUseCase } from './use-cases/record-deposit/record-deposit.use-case';

@Module({
  imports: [ProjectsModule, BanksModule],
  controllers: [DepositsController],
  providers: [
    DepositRepository,
    RecordDepositUseCase,
    RecordDepositMovementUseCase,
    GetDepositsInForceUseCase,
    ConfirmDepositUseCase,
  ],
})
export class DepositsModule {}
