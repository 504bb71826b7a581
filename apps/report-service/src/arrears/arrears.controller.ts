import { Controller, Get, Query } from '@nestjs/common';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { scopedRegion } from '../regions/region-scope';
import { arrearsQuery } from './dto/arrears-query.dto';
import { GetArrearsUseCase } from './use-cases/get-arrears/get-arrears.use-case';

@Controller('api/v1/arrears')
@Allow('admin', 'user')
export class ArrearsController {
  constructor(private readonly getArrears: GetArrearsUseCase) {}

  /** `?regionCode&month`: open alerts by code and severity, workers affected, wages outstanding. */
  @Get()
  arrears(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { regionCode, month } = validate(arrearsQuery, query, 'query');
    return this.getArrears.execute(scopedRegion(principal, regionCode), month ?? null);
  }
}
