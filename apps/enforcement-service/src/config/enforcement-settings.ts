import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { EnforcementSettings } from './env';

export const ENFORCEMENT_SETTINGS = Symbol('ENFORCEMENT_SETTINGS');

@Global()
@Module({})
export class EnforcementSettingsModule {
  static forRoot(settings: EnforcementSettings): DynamicModule {
    return {
      module: EnforcementSettingsModule,
      providers: [{ provide: ENFORCEMENT_SETTINGS, useValue: settings }],
      exports: [ENFORCEMENT_SETTINGS],
    };
  }
}
