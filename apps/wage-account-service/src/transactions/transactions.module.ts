import { Module } from '@nestjs/common';
import { WageAccountsModule } from '../wage-accounts/wage-accounts.module';
import { TransactionRepository } from './transaction.repository';
import { TransactionsController } from './transactions.controller';
import { RecordTransactionsUseCase } from './use-cases/record-transactions/record-transactions.use-case';

@Module({
  imports: [WageAccountsModule],
  controllers: [TransactionsController],
  providers: [TransactionRepository, RecordTransactionsUseCase],
})
export class TransactionsModule {}
