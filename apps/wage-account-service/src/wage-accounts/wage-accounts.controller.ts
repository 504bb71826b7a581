import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { accountNumberParam, openWageAccountExample } from '../api-examples';
import { balanceQuerySchema, openWageAccountSchema } from './dto/open-wage-account.dto';
import { GetWageAccountUseCase } from './use-cases/get-wage-account/get-wage-account.use-case';
import { OpenWageAccountUseCase } from './use-cases/open-wage-account/open-wage-account.use-case';

@Controller('api/v1/wage-accounts')
export class WageAccountsController {
  constructor(
    private readonly openWageAccount: OpenWageAccountUseCase,
    private readonly getWageAccount: GetWageAccountUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project', 'bank')
  @HttpCode(HttpStatus.CREATED)
  @ApiContract({
    summary: "Open a project's dedicated wage account",
    description:
      '农民工工资专用账户. A project opens its own; a bank opens accounts at itself. One account per project and bank.',
    body: openWageAccountSchema,
    examples: { 'at a Xiamen branch': openWageAccountExample },
    responses: {
      201: { description: 'opened', example: { ...openWageAccountExample, balance: '0.00', balanceFen: 0 } },
    },
    errors: { 409: 'the account number is in use, or the project has an account at this bank' },
  })
  open(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.openWageAccount.execute(principal, validate(openWageAccountSchema, body));
  }

  @Get(':accountNumber')
  @Allow('admin', 'project', 'bank', 'user')
  @ApiContract({
    summary: 'A dedicated wage account with its balance',
    description:
      'The balance now, or at `asOf`: every transaction that occurred by then, whenever it was reported. ' +
      '`statementThrough` is how far the bank has stated the feed complete (null while it never has).',
    params: accountNumberParam,
    query: balanceQuerySchema,
    queryExample: { asOf: '2026-10-31T23:59:59+08:00' },
    responses: {
      200: {
        description: 'the account, with balance in yuan and fen and how far its feed is complete',
        example: {
          ...openWageAccountExample,
          status: 'OPEN',
          regionCode: '350206',
          statementThrough: '2026-10-17T15:59:59.000Z',
          asOf: '2026-10-31T15:59:59.000Z',
          balance: '476495.00',
          balanceFen: 47649500,
          transactionCount: 4,
        },
      },
    },
    errors: { 404: 'no such account, or not one the caller may see' },
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('accountNumber') accountNumber: string,
    @Query() query: unknown,
  ) {
    const { asOf } = validate(balanceQuerySchema, query, 'query');
    return this.getWageAccount.execute(principal, accountNumber, asOf);
  }
}
