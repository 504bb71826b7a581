import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { BanksModule } from '../banks/banks.module';
import { ProjectsModule } from '../projects/projects.module';
import { CanonicalAccountNumber } from './account-number-case';
import { GetWageAccountUseCase } from './use-cases/get-wage-account/get-wage-account.use-case';
import { OpenWageAccountUseCase } from './use-cases/open-wage-account/open-wage-account.use-case';
import { WageAccountRepository } from './wage-account.repository';
import { WageAccountsController } from './wage-accounts.controller';

@Module({
  imports: [BanksModule, ProjectsModule],
  controllers: [WageAccountsController],
  providers: [
    WageAccountRepository,
    OpenWageAccountUseCase,
    GetWageAccountUseCase,
    { provide: APP_INTERCEPTOR, useClass: CanonicalAccountNumber },
  ],
  exports: [WageAccountRepository],
})
export class WageAccountsModule {}
