import { Controller, Get, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { scopedRegion } from '../regions/region-scope';
import { arrearsAnswer } from './dto/arrears-answers.dto';
import { arrearsQuery } from './dto/arrears-query.dto';
import { GetArrearsUseCase } from './use-cases/get-arrears/get-arrears.use-case';

@Controller('api/v1/arrears')
@Allow('admin', 'user')
export class ArrearsController {
  constructor(private readonly getArrears: GetArrearsUseCase) {}

  /** `?regionCode&month`: open alerts by code and severity, workers affected, wages outstanding. */
  @Get()
  @ApiContract({
    summary: 'Wage arrears by alert code and severity',
    description:
      'Open alerts by code and severity, workers affected and wages outstanding, in a region and month; ' +
      '`unpaidWages` counts only the wages owed (WAGE_ARREARS, WAGE_UNDERPAID), `otherAlerts` the reporting ' +
      'gaps and risks.',
    query: arrearsQuery,
    queryExample: { regionCode: '350206', month: '2026-10' },
    responses: {
      200: { description: "the figures of the region (the caller's by default)", schema: arrearsAnswer },
    },
  })
  arrears(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { regionCode, month } = validate(arrearsQuery, query, 'query');
    return this.getArrears.execute(scopedRegion(principal, regionCode), month ?? null);
  }
}
