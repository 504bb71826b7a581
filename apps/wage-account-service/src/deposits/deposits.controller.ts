import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  Allow,
  ApiContract,
  ApiError,
  CurrentPrincipal,
  IDEMPOTENCY_KEY_HEADER,
  validate,
  OUTCOME_STATUS,
  type IdempotentAnswer,
  type Principal,
} from '@wage/platform';
import { cashDepositExample, guaranteeDepositExample, movementExample } from '../api-examples';
import { depositsQuerySchema, recordDepositSchema, recordMovementSchema } from './dto/deposit.dto';
import { GetDepositsInForceUseCase } from './use-cases/get-deposits-in-force/get-deposits-in-force.use-case';
import { ConfirmDepositUseCase } from './use-cases/confirm-deposit/confirm-deposit.use-case';
import { RecordDepositMovementUseCase } from './use-cases/record-deposit-movement/record-deposit-movement.use-case';
import { RecordDepositUseCase } from './use-cases/record-deposit/record-deposit.use-case';

function answer<T>(response: Response, result: IdempotentAnswer<T>): T {
  response.status(OUTCOME_STATUS[result.outcome]);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}

@Controller('api/v1/deposits')
export class DepositsController {
  constructor(
    private readonly recordDeposit: RecordDepositUseCase,
    private readonly recordMovement: RecordDepositMovementUseCase,
    private readonly getDeposits: GetDepositsInForceUseCase,
    private readonly confirmDeposit: ConfirmDepositUseCase,
  ) {}

  @Post()
  @Allow('bank', 'project')
  @ApiContract({
    summary: 'Record a wage guarantee deposit',
    description:
      '工资保证金: cash, or a bank guarantee letter (保函) with its expiry date, recorded by the bank or guarantor ' +
      'that holds it; it counts at once. A project may declare its own, naming that bank (bankCode): the ' +
      'declaration counts only once the bank confirms it (POST /deposits/{id}/confirmation), since the monitored ' +
      'party never certifies itself. effectiveOn at most 30 days ahead; a guarantee letter runs at most 10 years.',
    body: recordDepositSchema,
    examples: {
      'cash in the deposit account': cashDepositExample,
      'a bank guarantee letter': guaranteeDepositExample,
    },
    idempotent: true,
    responses: {
      201: { description: 'recorded (confirmed: true), or declared pending the bank (confirmed: false)' },
    },
    errors: {
      400: 'a declaration without bankCode or naming no registered bank, or effectiveOn more than 30 days ahead',
      404: 'no such project',
      409: 'the Idempotency-Key was used with a different body',
    },
  })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = validate(recordDepositSchema, body);
    return answer(response, await this.recordDeposit.execute(principal, request, { key, body }));
  }

  @Post(':id/confirmation')
  @Allow('bank')
  @HttpCode(200)
  @ApiContract({
    summary: "Confirm a project's deposit declaration",
    description:
      'The bank named in the declaration confirms that it holds the deposit; from then on it counts. Confirming ' +
      'again changes nothing.',
    params: {
      id: { description: 'the deposit id (a UUID)', example: '6f1c9e2a-8b4d-4c3e-9f7a-2d5b8e1c0a93' },
    },
    responses: { 200: { description: 'the deposit, confirmed' } },
    errors: { 404: 'no such deposit, or not one this bank holds' },
  })
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('a deposit id is a UUID') }))
    id: string,
  ) {
    return this.confirmDeposit.execute(principal, id);
  }

  @Post(':id/movements')
  @Allow('admin', 'bank')
  @ApiContract({
    summary: 'Record a movement of a deposit',
    description:
      'A drawdown to pay wages in arrears (动用), a top-up (补足), or the release at completion (退还).',
    params: {
      id: { description: 'the deposit id (a UUID)', example: '6f1c9e2a-8b4d-4c3e-9f7a-2d5b8e1c0a93' },
    },
    body: recordMovementSchema,
    examples: { 'a drawdown for wages in arrears': movementExample },
    idempotent: true,
    responses: { 201: { description: 'recorded; the deposit with its new balance' } },
    errors: {
      404: 'no such deposit, or not one the caller may move',
      409: 'the Idempotency-Key was used with a different body, or the deposit is a declaration not yet confirmed',
    },
  })
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
  @ApiContract({
    summary: "A project's deposits and the amount in force",
    description:
      'The deposits of a project with their balances on `asOf` (today in Asia/Shanghai by default).',
    query: depositsQuerySchema,
    queryExample: { projectCode: 'XM-2026-001', asOf: '2026-10-31' },
    responses: { 200: { description: 'the deposits and the total in force, in fen' } },
    errors: { 404: 'no such project, or not one the caller may see' },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { projectCode, asOf } = validate(depositsQuerySchema, query, 'query');
    return this.getDeposits.execute(principal, projectCode, asOf);
  }
}
