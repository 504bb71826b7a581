import { Module } from '@nestjs/common';
import { WageAccountsModule } from '../wage-accounts/wage-accounts.module';
import { TransactionLedger } from './transaction-ledger';
import { TransactionsController } from './transactions.controller';
import { RecordTransactionsUseCase } from './use-cases/record-transactions/record-transactions.use-case';

@Module({
  imports: [WageAccountsModule],
  controllers: [TransactionsController],
  providers: [TransactionLedger, RecordTransactionsUseCase],
})
export class TransactionsModule {}
