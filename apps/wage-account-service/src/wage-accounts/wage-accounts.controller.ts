import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
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
  open(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.openWageAccount.execute(principal, validate(openWageAccountSchema, body));
  }

  @Get(':accountNumber')
  @Allow('admin', 'project', 'bank', 'user')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('accountNumber') accountNumber: string,
    @Query() query: unknown,
  ) {
    const { asOf } = validate(balanceQuerySchema, query, 'query');
    return this.getWageAccount.execute(principal, accountNumber, asOf);
  }
}
