import { UseCaseError } from '@wage/platform';
import { monthOfDate, type IsoDate, type Month } from '@wage/domain';

/** Attendance and pay sheets describe work done: a month that has not begun yet is a mistake. */
export function refuseFutureMonth(month: Month, currentMonth: Month): void {
  if (month > currentMonth) {
    throw UseCaseError.invalid(
      `month ${month} has not begun yet (it is ${currentMonth} in Shanghai); report months up to ${currentMonth}`,
      [{ field: 'month', code: 'INVALID_MONTH', message: `must be ${currentMonth} or earlier` }],
    );
  }
}

/** No work is reported for a project before the month it started in. */
export function refuseMonthBeforeStart(month: Month, project: { code: string; startDate: IsoDate }): void {
  const first = monthOfDate(project.startDate);
  if (month < first) {
    throw UseCaseError.invalid(
      `month ${month} is before project ${project.code} started on ${project.startDate}; report months from ${first}`,
      [{ field: 'month', code: 'BEFORE_PROJECT_START', message: `must be ${first} or later` }],
    );
  }
}
