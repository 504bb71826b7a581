import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, CurrentPrincipal, IDEMPOTENCY_KEY_HEADER, validate, type Principal } from '@wage/platform';
import { recordTransactionsSchema } from './dto/record-transactions.dto';
import { RecordTransactionsUseCase } from './use-cases/record-transactions/record-transactions.use-case';

@Controller('api/v1/wage-accounts/:accountNumber/transactions')
export class TransactionsController {
  constructor(private readonly recordTransactions: RecordTransactionsUseCase) {}

  @Post()
  @Allow('admin', 'bank', 'project')
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('accountNumber') accountNumber: string,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { transactions } = validate(recordTransactionsSchema, body);
    const answer = await this.recordTransactions.execute(principal, accountNumber, transactions, {
      key: idempotencyKey,
      body,
    });
    response.status(answer.status);
    if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }
}
