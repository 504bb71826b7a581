import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NATIONAL_REGION } from '@wage/domain';
import {
  Allow,
  ApiContract,
  Clock,
  CurrentPrincipal,
  describePrincipal,
  validate,
  type Principal,
} from '@wage/platform';
import { RuleOverridesRepository } from '../evaluation/rule-overrides.repository';
import { regionParam, regionQuery, setOverridesBody } from './dto/set-overrides.dto';
import { effectiveCatalogue } from './use-cases/effective-catalogue';
import { SetOverridesUseCase } from './use-cases/set-overrides/set-overrides.use-case';

@Controller('api/v1/rules')
export class RulesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly overrides: RuleOverridesRepository,
    private readonly setOverrides: SetOverridesUseCase,
    private readonly clock: Clock,
  ) {}

  /** The effective catalogue for a region today (national when no region is given). */
  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'The rule catalogue with its effective parameters',
    description: "Each rule's parameters as they apply today in a region (national when no region is given).",
    query: regionQuery,
    queryExample: { regionCode: '350206' },
    responses: {
      200: { description: 'the catalogue: each rule with its parameters, units and where each comes from' },
    },
  })
  async catalogue(@Query() query: unknown) {
    const { regionCode = NATIONAL_REGION } = validate(regionQuery, query, 'query');
    const all = await this.overrides.all(this.dataSource.manager);
    return effectiveCatalogue(all, regionCode, this.clock.today());
  }

  /** Sets a region's overrides from a date on; earlier versions keep applying to earlier evaluations. */
  @Put(':regionCode')
  @Allow('admin')
  @ApiContract({
    summary: "Set a region's rule parameters from a date on",
    description:
      "`graceDays` sets a parameter of every rule that has it, `WAGE_ARREARS.graceDays` one rule's; null lifts a " +
      'cap. Earlier versions keep applying to earlier evaluations. A change effective before today is retroactive: ' +
      'it needs a `reason` (422 REASON_REQUIRED without one), and months already closed (a month closes when the ' +
      'next one ends) keep their verdicts unless `reevaluate: true` asks to evaluate the region again from ' +
      '`effectiveFrom`. Every change is audited: who, when, why, and the values it replaced (`change`).',
    params: { regionCode: { description: 'the six-digit GB/T 2260 region code', example: '350206' } },
    body: setOverridesBody,
    examples: {
      'a longer grace period and no deposit cap in Haicang': {
        effectiveFrom: '2026-11-01',
        parameters: { graceDays: 3, 'DEPOSIT_SHORTFALL.depositCapFen': null },
      },
      'a correction back to September, re-evaluating closed months': {
        effectiveFrom: '2026-09-01',
        parameters: { 'WAGE_ARREARS.graceDays': 5 },
        reason: '市人社局2026年第12号通知：9月起宽限期为5天，原录入有误',
        reevaluate: true,
      },
    },
    responses: {
      200: {
        description:
          'the catalogue as it applies in the region from effectiveFrom, and the audited `change` (who, when, reason)',
      },
    },
    errors: {
      409: 'a version dated before today already exists for that date: re-evaluate (reevaluate: true) or choose another date',
      422: 'effectiveFrom is before today and no reason was given',
    },
  })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('regionCode') regionCode: string,
    @Body() body: unknown,
  ) {
    const region = validate(regionParam, regionCode, 'region code');
    return this.setOverrides.execute(region, validate(setOverridesBody, body), describePrincipal(principal));
  }
}
