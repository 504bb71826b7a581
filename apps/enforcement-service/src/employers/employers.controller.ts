import { Controller, Get, Param } from '@nestjs/common';
import { Allow, ApiContract, validate } from '@wage/platform';
import { creditCodeField } from '../common/fields';
import { GetEmployerRecordUseCase } from './use-cases/get-employer-record/get-employer-record.use-case';

@Controller('api/v1/employers')
export class EmployersController {
  constructor(private readonly record: GetEmployerRecordUseCase) {}

  @Get(':creditCode')
  @Allow('admin', 'user')
  @ApiContract({
    summary: "An employer's record by credit code: findings, grades, blacklist state, projects",
    description:
      'The findings of its closed cases (newest first), every grade given with the one in force, whether it is ' +
      'listed now and every blacklist procedure, and its projects. Listed persons are not part of it.',
    params: {
      creditCode: {
        description: '18-character unified social credit code (GB 32100)',
        example: '91350200MA2Y8N3K0A',
      },
    },
    responses: {
      200: {
        description:
          '{ creditCode, name, grade, grades, findings, projects, blacklist: { listed, listing, procedures } }',
      },
    },
    errors: { 400: 'not a valid credit code', 404: 'no employer with that credit code is known' },
  })
  get(@Param('creditCode') creditCode: string) {
    return this.record.execute(validate(creditCodeField, creditCode, 'credit code'));
  }
}
