import { Global, Module } from '@nestjs/common';
import { HEALTH_WARNINGS } from '@wage/platform';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { OfficialCalendarService } from './official-calendar.service';
import { EnterCalendarUseCase } from './use-cases/enter-calendar/enter-calendar.use-case';

/** The official calendar (docs/domain.md): global so that /health can warn when next year's is missing. */
@Global()
@Module({
  imports: [EvaluationModule],
  controllers: [CalendarController],
  providers: [
    CalendarRepository,
    OfficialCalendarService,
    EnterCalendarUseCase,
    { provide: HEALTH_WARNINGS, useExisting: OfficialCalendarService },
  ],
  exports: [HEALTH_WARNINGS],
})
export class CalendarModule {}
