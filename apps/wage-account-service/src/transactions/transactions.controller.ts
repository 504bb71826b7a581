import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Allow,
  ApiContract,
  CurrentPrincipal,
  IDEMPOTENCY_KEY_HEADER,
  sendWritten,
  validate,
  type Principal,
} from '@wage/platform';
import {
  accountNumberParam,
  cashWithdrawalExample,
  recordTransactionsExample,
  statementOnlyExample,
} from '../api-examples';
import { recordTransactionsDocumented, recordTransactionsSchema } from './dto/record-transactions.dto';
import { RecordTransactionsUseCase } from './use-cases/record-transactions/record-transactions.use-case';

@Controller('api/v1/wage-accounts/:accountNumber/transactions')
export class TransactionsController {
  constructor(private readonly recordTransactions: RecordTransactionsUseCase) {}

  @Post()
  @Allow('bank')
  @ApiContract({
    summary: "Report the account's transactions",
    description:
      'The bank holding the account reports what it booked; no one else does, since the monitored party never ' +
      'certifies itself (a project or the administrator is 403). Idempotent by (accountNumber, serialNo): an identical resend is accepted and not counted twice; a different ' +
      'transaction under a used serial number is 409. A batch with any invalid row is refused whole (422) and nothing ' +
      'of it is stored. Amounts are yuan strings; occurredAt carries its offset. counterparty.accountNumber may be ' +
      'left out only for a cash WITHDRAWAL at the counter (现金支取) or a bank FEE. With statementThrough the bank ' +
      "states that the account's feed is complete up to that instant (an empty transactions array then says there " +
      'is nothing more); it only moves forward, and payment rules wait for it before they judge a deadline. No ' +
      'transaction occurs before the day the account was opened (BEFORE_ACCOUNT_OPENED). Debits beyond the balance ' +
      'are accepted as the bank reported them, and the gap is flagged in dataQuality (BALANCE_BELOW_ZERO).',
    params: accountNumberParam,
    body: recordTransactionsDocumented,
    examples: {
      'an appropriation and a wage payment': recordTransactionsExample,
      "a cash withdrawal and a fee, with the day's statement": cashWithdrawalExample,
      'nothing more through the end of a day': statementOnlyExample,
    },
    idempotent: true,
    responses: {
      200: {
        description: 'recorded; a transaction resent identically is counted once',
        example: {
          accountNumber: '4100021709200012345',
          accepted: 2,
          recorded: 2,
          duplicates: 0,
          balance: '496500.00',
          balanceFen: 49650000,
          statementThrough: '2026-10-15T15:59:59.000Z',
          dataQuality: [],
        },
      },
    },
    errors: {
      403: 'not a bank key: only the bank holding the account reports its transactions',
      404: 'no such account, or not one at the calling bank',
      409: 'a different transaction under a used serial number, or an Idempotency-Key reused with another body',
      413: 'more rows than the batch cap, or a body over the size limit',
      422:
        'a row is invalid (details name each row and field), or statementThrough is in the future or before the ' +
        'account was opened (INVALID_STATEMENT_THROUGH)',
    },
  })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('accountNumber') accountNumber: string,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const batch = validate(recordTransactionsSchema, body);
    const answer = await this.recordTransactions.execute(principal, accountNumber, batch, {
      key: idempotencyKey,
      body,
    });
    return sendWritten(response, answer);
  }
}
