import { Module } from '@nestjs/common';
import { BankRegistry } from './bank-registry';
import { BanksController } from './banks.controller';
import { RegisterBankUseCase } from './use-cases/register-bank/register-bank.use-case';

@Module({
  controllers: [BanksController],
  providers: [BankRegistry, RegisterBankUseCase],
  exports: [BankRegistry],
})
export class BanksModule {}
