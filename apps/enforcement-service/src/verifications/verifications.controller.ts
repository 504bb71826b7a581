import { Controller, Get, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { listVerificationsSchema } from './dto/verification.dto';
import { ListVerificationsUseCase } from './use-cases/list-verifications/list-verifications.use-case';

@Controller('api/v1/verifications')
export class VerificationsController {
  constructor(private readonly verifications: ListVerificationsUseCase) {}

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'Verification requests (核实请求) of a grid or region, the earliest due first',
    description:
      'A RED or ORANGE alert in a grid, or an accepted complaint or clue in one, asks the grid assistant to verify ' +
      'it on site within 3 working days of the official calendar (dueBy). A visit that verifies it makes it DONE; ' +
      "one still OPEN past dueBy is escalated to the district's inspectors (ESCALATED, and can still be done); an " +
      'alert cleared or dismissed first withdraws it (WITHDRAWN). A grid assistant sees their own grid, another user ' +
      'their region; a gridCode asked for must be inside the caller’s region.',
    query: listVerificationsSchema,
    queryExample: { gridCode: '350206001', status: 'OPEN', page: 1, pageSize: 50 },
    responses: {
      200: {
        description:
          'one page: { items: [{ id, subject, alertKey?, complaintId?, code?, severity?, projectCode?, gridCode, ' +
          'regionCode, requestedAt, dueBy, status, result?, visitId?, escalatedAt? }], total, page, pageSize }',
      },
    },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.verifications.execute(principal, validate(listVerificationsSchema, query, 'query'));
  }
}
