import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import { AccessModule } from './access/access.module';
import { BanksModule } from './banks/banks.module';
import { AccountSettingsModule, DEFAULT_BATCH_CAP } from './config/account-settings';
import type { WageAccountServiceDefinition } from './config/env';
import { DepositsModule } from './deposits/deposits.module';
import { ProjectsModule } from './projects/projects.module';
import { TransactionsModule } from './transactions/transactions.module';
import { WageAccountsModule } from './wage-accounts/wage-accounts.module';

/** wage-account-service: banks, dedicated wage accounts, their transactions and wage guarantee deposits. */
@Module({})
export class AppModule {
  static forRoot(service: WageAccountServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        AccountSettingsModule.forRoot({ batchCap: service.accountBatchCap ?? DEFAULT_BATCH_CAP }),
        AccessModule,
        ProjectsModule,
        BanksModule,
        WageAccountsModule,
        TransactionsModule,
        DepositsModule,
      ],
    };
  }
}
