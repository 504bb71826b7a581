import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Allow,
  ApiError,
  CurrentPrincipal,
  IDEMPOTENCY_KEY_HEADER,
  validate,
  type IdempotentAnswer,
  type Principal,
} from '@wage/platform';
import { depositsQuerySchema, recordDepositSchema, recordMovementSchema } from './dto/deposit.dto';
import { GetDepositsInForceUseCase } from './use-cases/get-deposits-in-force/get-deposits-in-force.use-case';
import { RecordDepositMovementUseCase } from './use-cases/record-deposit-movement/record-deposit-movement.use-case';
import { RecordDepositUseCase } from './use-cases/record-deposit/record-deposit.use-case';

function answer<T>(response: Response, result: IdempotentAnswer<T>): T {
  response.status(result.status);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}

@Controller('api/v1/deposits')
export class DepositsController {
  constructor(
    private readonly recordDeposit: RecordDepositUseCase,
    private readonly recordMovement: RecordDepositMovementUseCase,
    private readonly getDeposits: GetDepositsInForceUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project', 'bank')
  async record(
    @CurrentPrincipal() principal: Principal,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = validate(recordDepositSchema, body);
    return answer(response, await this.recordDeposit.execute(principal, request, { key, body }));
  }

  @Post(':id/movements')
  @Allow('admin', 'bank')
  async move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('a deposit id is a UUID') }))
    id: string,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = validate(recordMovementSchema, body);
    return answer(response, await this.recordMovement.execute(principal, id, request, { key, body }));
  }

  @Get()
  @Allow('admin', 'project', 'bank', 'user')
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { projectCode, asOf } = validate(depositsQuerySchema, query, 'query');
    return this.getDeposits.execute(principal, projectCode, asOf);
  }
}
