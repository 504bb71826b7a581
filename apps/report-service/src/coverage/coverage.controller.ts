import { Controller, Get, Query } from '@nestjs/common';
import { latestDueMonth, monthRange, previousMonth } from '@wage/domain';
import {
  Allow,
  ApiContract,
  ApiError,
  Clock,
  CurrentPrincipal,
  validate,
  type Principal,
} from '@wage/platform';
import { scopedRegion } from '../regions/region-scope';
import { coverageAnswer, coverageTrendAnswer } from './dto/coverage-answers.dto';
import { coverageQuery, coverageTrendQuery, MAX_TREND_MONTHS } from './dto/coverage-query.dto';
import { GetCoverageUseCase } from './use-cases/get-coverage/get-coverage.use-case';
import { GetCoverageTrendUseCase } from './use-cases/get-coverage-trend/get-coverage-trend.use-case';


@Controller('api/v1/coverage')
@Allow('admin', 'user')
export class CoverageController {
  constructor(
    private readonly getCoverage: GetCoverageUseCase,
    private readonly getTrend: GetCoverageTrendUseCase,
    private readonly clock: Clock,
  ) {}

  /** `?regionCode&month`: the region (default: the caller's) and each child region, for one month. */
  @Get()
  @ApiContract({
    summary: 'Coverage of each safeguard in a region and month',
    description:
      'Share of projects in construction with real-name rolls, a dedicated wage account, a deposit, bank payroll ' +
      'and full monthly payment (and all of them), for the region and each child region. Default: the caller\'s ' +
      'region and the latest month whose wages are due. Before a month\'s wage deadline its payment metrics ' +
      '(bankPayroll, monthlyFullPayment, allSystems) are pending: `pct: null` and `pendingUntil`.',
    query: coverageQuery,
    queryExample: { regionCode: '350200', month: '2026-10' },
    responses: {
      200: {
        description: '{ regionCode, regionName, month, projectsInConstruction, metrics, children }',
        schema: coverageAnswer,
        example: {
          regionCode: '350200',
          regionName: '厦门市',
          month: '2026-10',
          projectsInConstruction: 7,
          metrics: {
            realName: { count: 6, of: 7, pct: 85.7 },
            wageAccount: { count: 7, of: 7, pct: 100 },
            deposit: { count: 5, of: 7, pct: 71.4 },
            bankPayroll: { count: 6, of: 7, pct: 85.7 },
            monthlyFullPayment: { count: 5, of: 7, pct: 71.4 },
            allSystems: { count: 4, of: 7, pct: 57.1 },
          },
          children: [],
        },
      },
    },
  })
  coverage(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { regionCode, month } = validate(coverageQuery, query, 'query');
    const now = this.clock.now();
    return this.getCoverage.execute(scopedRegion(principal, regionCode), month ?? latestDueMonth(now), now);
  }

  /** `?regionCode&from&to`: one entry per month; by default the twelve months up to the latest one due. */
  @Get('trend')
  @ApiContract({
    summary: 'Coverage month by month',
    description: 'One entry per month from `from` to `to` (at most 120); by default the twelve months up to the latest one whose wages are due.',
    query: coverageTrendQuery,
    queryExample: { regionCode: '350206', from: '2026-01', to: '2026-10' },
    responses: { 200: { description: 'the monthly series', schema: coverageTrendAnswer } },
  })
  trend(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const q = validate(coverageTrendQuery, query, 'query');
    const now = this.clock.now();
    const to = q.to ?? latestDueMonth(now);
    const from = q.from ?? elevenMonthsBefore(to);
    // monthRange refuses a from after to (400 INVALID_RANGE).
    if (monthRange(from, to).length > MAX_TREND_MONTHS) {
      throw ApiError.badRequest(
        `a trend covers at most ${MAX_TREND_MONTHS} months; ${from} to ${to} is longer. Narrow from or to.`,
      );
    }
    return this.getTrend.execute(scopedRegion(principal, q.regionCode), from, to, now);
  }
}

function elevenMonthsBefore(month: string): string {
  let m = month;
  for (let i = 0; i < 11; i += 1) m = previousMonth(m);
  return m;
}
