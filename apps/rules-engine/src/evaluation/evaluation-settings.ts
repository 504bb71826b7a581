import { Global, Module, type DynamicModule } from '@nestjs/common';

/** How the engine treats verdicts over time (from the environment). */
export interface EvaluationSettings {
  /**
   * Seconds an absence verdict must hold before it is raised (ALERT_SETTLE_SECONDS): data arrive in bursts and
   * out of order, so a verdict that data end within this period is never published. 0 raises at once.
   */
  settleSeconds: number;
  /**
   * Batches of project-months a sweep evaluates at the same time (SWEEP_CONCURRENCY), each in its own
   * transaction on its own database connection; the engine mostly waits on PostgreSQL, so a few overlap well.
   */
  sweepConcurrency: number;
}

export const EVALUATION_SETTINGS = Symbol('EVALUATION_SETTINGS');

/** Makes the settings available to every module of the engine. */
@Global()
@Module({})
export class EvaluationSettingsModule {
  static forRoot(settings: EvaluationSettings): DynamicModule {
    return {
      module: EvaluationSettingsModule,
      providers: [{ provide: EVALUATION_SETTINGS, useValue: settings }],
      exports: [EVALUATION_SETTINGS],
    };
  }
}
