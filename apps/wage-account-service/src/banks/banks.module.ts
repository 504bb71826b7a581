import { Module } from '@nestjs/common';
import { BankRepository } from './bank.repository';
import { BanksController } from './banks.controller';
import { RegisterBankUseCase } from './use-cases/register-bank/register-bank.use-case';

@Module({
  controllers: [BanksController],
  providers: [BankRepository, RegisterBankUseCase],
  exports: [BankRepository],
})
export class BanksModule {}
