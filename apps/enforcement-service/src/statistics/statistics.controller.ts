import { Controller, Get, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { statisticsQuerySchema } from './statistics.dto';
import { GetStatisticsUseCase } from './use-cases/get-statistics/get-statistics.use-case';

@Controller('api/v1/enforcement')
export class StatisticsController {
  constructor(private readonly statistics: GetStatisticsUseCase) {}

  @Get('statistics')
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'Casework statistics for leaders, by child region',
    description:
      'Cases opened and closed in the months, closed within the limit, overdue now, workers helped and wages ' +
      "recovered (paid in the months), the recovery rate of the cases opened in them. By default the caller's " +
      'region from January to this month.',
    query: statisticsQuerySchema,
    queryExample: { regionCode: '350200', from: '2026-01', to: '2026-10' },
    responses: {
      200: { description: '{ regionCode, from, to, casesOpened, …, recoveryRate, children:[…] }' },
    },
  })
  get(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.statistics.execute(principal, validate(statisticsQuerySchema, query, 'query'));
  }
}
