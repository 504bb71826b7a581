import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { actorOf } from '../access/casework-access';
import { gradeStatisticsSchema, listGradingsSchema, runGradingSchema } from './dto/grading.dto';
import { GradeStatisticsUseCase } from './use-cases/grade-statistics/grade-statistics.use-case';
import { ListGradingsUseCase } from './use-cases/list-gradings/list-gradings.use-case';
import { RunGradingUseCase } from './use-cases/run-grading/run-grading.use-case';

@Controller('api/v1/gradings')
export class GradingsController {
  constructor(
    private readonly runGrading: RunGradingUseCase,
    private readonly gradings: ListGradingsUseCase,
    private readonly statistics: GradeStatisticsUseCase,
  ) {}

  @Get('statistics')
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'For leaders: employers by grade, listings and removals, by child region',
    description:
      'Employers with a project or a case in the region by the grade in force (or the grade given for `year`), ' +
      "the blacklist's listings decided and removals in the year (this year by default), and listings in force " +
      'today; for the region and each child region. An employer counts once in the total.',
    query: gradeStatisticsSchema,
    queryExample: { regionCode: '350200', year: 2025 },
    responses: {
      200: {
        description:
          '{ regionCode, year, listingsYear, grades: { A, B, C }, listings, removals, listedNow, children: [...] }',
      },
    },
  })
  summary(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.statistics.execute(principal, validate(gradeStatisticsSchema, query, 'query'));
  }

  @Post()
  @Allow('admin')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Run the annual integrity grading (劳动保障守法诚信等级评价) of a year',
    description:
      'Grades every employer with a project or a case in the region (every one without `regionCode`) on that ' +
      "calendar year's findings: A none, B a violation found, C three or more, a group or extreme incident, a " +
      'refused order, obstructed inspection or prosecution. Runs on its own each January for the year before; ' +
      'running a year again replaces its annual grades. Only a year that is over may be graded.',
    body: runGradingSchema,
    examples: { 'last year, one district': { year: 2025, regionCode: '350206' } },
    responses: { 200: { description: '{ year, regionCode, graded, changed, counts: { A, B, C } }' } },
    errors: { 422: 'the year is not over yet' },
  })
  run(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.runGrading.execute({ ...validate(runGradingSchema, body), actor: actorOf(principal) });
  }

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "Grades given to the employers of the caller's region, latest first",
    description:
      'Each grade with the findings (case ids) it rests on; A is 免于日常巡查, C is 重点监管 (`supervision`).',
    query: listGradingsSchema,
    queryExample: { year: 2025, regionCode: '350206', grade: 'C', page: 1, pageSize: 50 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }' } },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.gradings.list(principal, validate(listGradingsSchema, query, 'query'));
  }
}
