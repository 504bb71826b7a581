import { ApiError } from '@wage/platform';
import type { Month } from '@wage/domain';

/** Attendance and pay sheets describe work done: a month that has not begun yet is a mistake. */
export function refuseFutureMonth(month: Month, currentMonth: Month): void {
  if (month > currentMonth) {
    throw ApiError.badRequest(
      `month ${month} has not begun yet (it is ${currentMonth} in Shanghai); report months up to ${currentMonth}`,
      [{ field: 'month', code: 'INVALID_MONTH', message: `must be ${currentMonth} or earlier` }],
    );
  }
}
