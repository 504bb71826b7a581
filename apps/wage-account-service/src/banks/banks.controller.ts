import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Allow, ApiContract, validate } from '@wage/platform';
import { registerBankExample } from '../api-examples';
import { registerBankSchema } from './dto/register-bank.dto';
import { RegisterBankUseCase } from './use-cases/register-bank/register-bank.use-case';

@Controller('api/v1/banks')
export class BanksController {
  constructor(private readonly registerBank: RegisterBankUseCase) {}

  @Post()
  @Allow('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiContract({
    summary: 'Register a bank',
    description:
      'Answers the bank key, shown this once: the bank uses it to open accounts and report transactions.',
    body: registerBankSchema,
    examples: { 'a Xiamen branch': registerBankExample },
    responses: {
      201: {
        description: 'registered; keep the key, it is not shown again',
        example: { code: 'ICBC-XM', apiKey: 'wgb_…' },
      },
    },
    errors: { 409: 'a bank with this code is registered' },
  })
  register(@Body() body: unknown) {
    return this.registerBank.execute(validate(registerBankSchema, body));
  }
}
