import { Controller, Get, Query } from '@nestjs/common';
import { monthOf, monthRange, previousMonth } from '@wage/domain';
import { Allow, ApiError, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { scopedRegion } from '../regions/region-scope';
import { coverageQuery, coverageTrendQuery, MAX_TREND_MONTHS } from './dto/coverage-query.dto';
import { GetCoverageUseCase } from './use-cases/get-coverage/get-coverage.use-case';
import { GetCoverageTrendUseCase } from './use-cases/get-coverage-trend/get-coverage-trend.use-case';

/** The last whole month in Asia/Shanghai time: the current one is still being worked. */
export function lastWholeMonth(now: Date = new Date()): string {
  return previousMonth(monthOf(now));
}

@Controller('api/v1/coverage')
@Allow('admin', 'user')
export class CoverageController {
  constructor(
    private readonly getCoverage: GetCoverageUseCase,
    private readonly getTrend: GetCoverageTrendUseCase,
  ) {}

  /** `?regionCode&month`: the region (default: the caller's) and each child region, for one month. */
  @Get()
  coverage(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { regionCode, month } = validate(coverageQuery, query, 'query');
    return this.getCoverage.execute(scopedRegion(principal, regionCode), month ?? lastWholeMonth());
  }

  /** `?regionCode&from&to`: one entry per month; by default the twelve months up to the last whole one. */
  @Get('trend')
  trend(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const q = validate(coverageTrendQuery, query, 'query');
    const to = q.to ?? lastWholeMonth();
    const from = q.from ?? elevenMonthsBefore(to);
    // monthRange refuses a from after to (400 INVALID_RANGE).
    if (monthRange(from, to).length > MAX_TREND_MONTHS) {
      throw ApiError.badRequest(
        `a trend covers at most ${MAX_TREND_MONTHS} months; ${from} to ${to} is longer. Narrow from or to.`,
      );
    }
    return this.getTrend.execute(scopedRegion(principal, q.regionCode), from, to);
  }
}

function elevenMonthsBefore(month: string): string {
  let m = month;
  for (let i = 0; i < 11; i += 1) m = previousMonth(m);
  return m;
}
