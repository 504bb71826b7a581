import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { RosterSettings } from '../config/env';
import { IdempotentTransaction } from './idempotent-transaction';
import { ROSTER_SETTINGS } from './tokens';

/** What every roster feature shares: the settings and idempotent batch transactions (the clock is the platform's). */
@Global()
@Module({})
export class CommonModule {
  static forRoot(settings: RosterSettings): DynamicModule {
    return {
      module: CommonModule,
      providers: [IdempotentTransaction, { provide: ROSTER_SETTINGS, useValue: settings }],
      exports: [IdempotentTransaction, ROSTER_SETTINGS],
    };
  }
}
