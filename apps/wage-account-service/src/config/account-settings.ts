import { Module, type DynamicModule } from '@nestjs/common';

/** This service's own settings, provided by the app module from its definition. */
export const ACCOUNT_SETTINGS = Symbol('ACCOUNT_SETTINGS');

export interface AccountSettings {
  /** Most transactions one request may carry (ACCOUNT_BATCH_CAP). */
  batchCap: number;
}

export const DEFAULT_BATCH_CAP = 10_000;

@Module({})
export class AccountSettingsModule {
  static forRoot(settings: AccountSettings): DynamicModule {
    return {
      module: AccountSettingsModule,
      global: true,
      providers: [{ provide: ACCOUNT_SETTINGS, useValue: settings }],
      exports: [ACCOUNT_SETTINGS],
    };
  }
}
