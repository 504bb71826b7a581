import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Allow, validate } from '@wage/platform';
import { registerBankSchema } from './dto/register-bank.dto';
import { RegisterBankUseCase } from './use-cases/register-bank/register-bank.use-case';

@Controller('api/v1/banks')
export class BanksController {
  constructor(private readonly registerBank: RegisterBankUseCase) {}

  @Post()
  @Allow('admin')
  @HttpCode(HttpStatus.CREATED)
  register(@Body() body: unknown) {
    return this.registerBank.execute(validate(registerBankSchema, body));
  }
}
