import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, installYearCalendar, monthRange, yearCalendarProblem } from '@wage/domain';
import { Clock } from '@wage/platform';
import type { EvaluationCounts } from '../../../evaluation/use-cases/evaluate-month/evaluate-month.use-case';
import { EvaluateMonthUseCase } from '../../../evaluation/use-cases/evaluate-month/evaluate-month.use-case';
import { CalendarRepository, type EnteredCalendar } from '../../calendar.repository';
import type { EnterCalendarBody } from '../../dto/calendar.dto';

export interface EnteredCalendarAnswer extends EnteredCalendar {
  /** What re-evaluating the months whose wages fall due in the year did. */
  reevaluated: EvaluationCounts;
}

/**
 * Records a new version of a year's official calendar, makes it the one deadlines use, and re-evaluates the
 * months whose wages fall due in that year (December before it to November), whose deadlines were computed
 * without it — on Monday to Friday when the package lacked the year.
 */
@Injectable()
export class EnterCalendarUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarRepository,
    private readonly evaluateMonth: EvaluateMonthUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(year: number, body: EnterCalendarBody, enteredBy: string): Promise<EnteredCalendarAnswer> {
    const calendar = { holidays: [...body.holidays].sort(), workingDays: [...body.workingDays].sort() };
    const problem = yearCalendarProblem(year, calendar);
    if (problem !== null)
      throw new DomainError('INVALID_ARGUMENT', `The calendar of ${year} is not sound: ${problem}.`);
    const entry = await this.dataSource.transaction((manager) =>
      this.calendars.add(manager, { year, ...calendar, source: body.source, enteredBy }),
    );
    installYearCalendar(year, calendar);
    const reevaluated: EvaluationCounts = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    const current = this.clock.currentMonth();
    for (const month of monthRange(`${year - 1}-12`, `${year}-11`)) {
      if (month > current) break;
      const counts = await this.evaluateMonth.execute({ month });
      for (const key of Object.keys(reevaluated) as (keyof EvaluationCounts)[])
        reevaluated[key] += counts[key];
    }
    return { ...entry, reevaluated };
  }
}
