import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai, installYearCalendar, isYearCalendarKnown } from '@wage/domain';
import { Clock, type HealthWarnings } from '@wage/platform';
import { CalendarRepository } from './calendar.repository';

/** How often an instance reloads the calendars, so that one entered through another instance applies here too. */
const RELOAD_MS = 60_000;

/**
 * The entered calendars, installed into the domain's working days (where they override chinese-days) at start,
 * after each entry, and every minute.
 */
@Injectable()
export class OfficialCalendarService implements OnApplicationBootstrap, OnModuleDestroy, HealthWarnings {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch(() => undefined), RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reload(): Promise<void> {
    for (const entry of await this.calendars.current(this.dataSource.manager)) {
      installYearCalendar(entry.year, entry);
    }
  }

  /** From 1 November (Shanghai), next year's calendar is due: the State Council publishes it then. */
  warnings(now: Date = this.clock.now()): string[] {
    const today = dateInShanghai(now);
    const next = Number(today.slice(0, 4)) + 1;
    if (today.slice(5) < '11-01' || isYearCalendarKnown(next)) return [];
    return [
      `The official calendar of ${next} is missing: deadlines in ${next} count Monday to Friday as working days ` +
        `(calendarKnown: false). Enter the State Council's schedule with PUT /api/v1/calendar/${next}.`,
    ];
  }
}
