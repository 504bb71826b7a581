import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { RosterSettings } from '../config/env';
import { Clock } from './clock';
import { IdempotentTransaction } from './idempotent-transaction';
import { ROSTER_SETTINGS } from './tokens';

/** What every roster feature shares: the clock, the settings, and idempotent batch transactions. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(settings: RosterSettings): DynamicModule {
    return {
      module: CoreModule,
      providers: [Clock, IdempotentTransaction, { provide: ROSTER_SETTINGS, useValue: settings }],
      exports: [Clock, IdempotentTransaction, ROSTER_SETTINGS],
    };
  }
}
