import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calendarCoverage, packagedYearCalendar } from '@wage/domain';
import {
  Allow,
  ApiContract,
  CurrentPrincipal,
  describePrincipal,
  validate,
  type Principal,
} from '@wage/platform';
import { CalendarRepository } from './calendar.repository';
import { enterCalendarBody, yearParam } from './dto/calendar.dto';
import { EnterCalendarUseCase } from './use-cases/enter-calendar/enter-calendar.use-case';

const YEAR = { year: { description: 'the year, e.g. 2027', example: '2027' } };

@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarRepository,
    private readonly enterCalendar: EnterCalendarUseCase,
  ) {}

  /** The schedule deadlines of the year use: the entered one, else the package's; `known: false` without either. */
  @Get(':year')
  @Allow('admin', 'user')
  @ApiContract({
    summary: "A year's official calendar: holidays and adjusted working days",
    description:
      'The version an administrator entered last (with every earlier version), else the chinese-days ' +
      "package's data. `known: false` when neither has the year: its deadlines count Monday to Friday.",
    params: YEAR,
    responses: {
      200: {
        description:
          '{ year, known, source, holidays, workingDays, version, enteredBy, enteredAt, versions }',
        example: { year: 2027, known: false, source: null, holidays: [], workingDays: [], versions: [] },
      },
    },
  })
  async get(@Param('year') year: string) {
    const y = validate(yearParam, year, 'year');
    const versions = await this.calendars.versions(this.dataSource.manager, y);
    const latest = versions.at(-1);
    if (latest) return { ...latest, known: true, versions };
    const packaged = y >= calendarCoverage.firstYear && y <= calendarCoverage.lastYear;
    return {
      year: y,
      known: packaged,
      source: packaged ? 'chinese-days' : null,
      ...packagedYearCalendar(y),
      versions: [],
    };
  }

  /** Enters a new version of a year's calendar and re-evaluates the deadlines that fall in the year. */
  @Put(':year')
  @Allow('admin')
  @ApiContract({
    summary: "Enter a year's official calendar (the State Council's notice)",
    description:
      'Every day off (法定节假日 and the rest days moved next to them) and every weekend day worked (调休). It ' +
      "overrides the package's data for the year, is kept as a new version with who entered it, and the months " +
      'whose wages fall due in the year are evaluated again.',
    params: YEAR,
    body: enterCalendarBody,
    examples: {
      'the 2027 notice': {
        holidays: ['2027-01-01', '2027-02-11', '2027-02-12', '2027-02-15', '2027-02-16', '2027-02-17'],
        workingDays: ['2027-02-07', '2027-02-20'],
        source: '国务院办公厅关于2027年部分节假日安排的通知',
      },
    },
    responses: { 200: { description: 'the version entered, and what re-evaluating did' } },
  })
  put(@CurrentPrincipal() principal: Principal, @Param('year') year: string, @Body() body: unknown) {
    const y = validate(yearParam, year, 'year');
    return this.enterCalendar.execute(y, validate(enterCalendarBody, body), describePrincipal(principal));
  }
}
