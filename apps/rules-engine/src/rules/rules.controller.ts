import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dateInShanghai,
  NATIONAL_REGION,
  type ParameterOverride,
  checkParameterOverride,
  type RuleCode,
  RULE_CODES,
} from '@wage/domain';
import { Allow, ApiContract, ApiError, validate } from '@wage/platform';
import { RuleOverridesRepository } from '../evaluation/rule-overrides.repository';
import { regionParam, regionQuery, setOverridesBody } from './dto/set-overrides.dto';
import { effectiveCatalogue } from './use-cases/effective-catalogue';

@Controller('api/v1/rules')
export class RulesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly overrides: RuleOverridesRepository,
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
    return effectiveCatalogue(all, regionCode, dateInShanghai(new Date()));
  }

  /** Sets a region's overrides from a date on; earlier versions keep applying to earlier evaluations. */
  @Put(':regionCode')
  @Allow('admin')
  @ApiContract({
    summary: "Set a region's rule parameters from a date on",
    description:
      "`graceDays` sets a parameter of every rule that has it, `WAGE_ARREARS.graceDays` one rule's; null lifts a " +
      'cap. Earlier versions keep applying to earlier evaluations.',
    params: { regionCode: { description: 'the six-digit GB/T 2260 region code', example: '350206' } },
    body: setOverridesBody,
    examples: {
      'a longer grace period and no deposit cap in Haicang': {
        effectiveFrom: '2026-11-01',
        parameters: { graceDays: 3, 'DEPOSIT_SHORTFALL.depositCapFen': null },
      },
    },
    responses: { 200: { description: 'the catalogue as it applies in the region from effectiveFrom' } },
  })
  async set(@Param('regionCode') regionCode: string, @Body() body: unknown) {
    const region = validate(regionParam, regionCode, 'region code');
    const request = validate(setOverridesBody, body);
    const overrides: ParameterOverride[] = Object.entries(request.parameters).map(([qualified, value]) => {
      const [ruleCode, name] = qualified.includes('.') ? qualified.split('.') : [undefined, qualified];
      if (ruleCode !== undefined && !RULE_CODES.includes(ruleCode as RuleCode)) {
        throw ApiError.badRequest(
          `"${ruleCode}" is not a rule code; see GET /api/v1/rules for the catalogue.`,
        );
      }
      const override: ParameterOverride = {
        regionCode: region,
        ...(ruleCode !== undefined && { ruleCode: ruleCode as RuleCode }),
        name,
        value,
        effectiveFrom: request.effectiveFrom,
      };
      checkParameterOverride(override);
      return override;
    });
    await this.overrides.save(this.dataSource.manager, overrides);
    const all = await this.overrides.all(this.dataSource.manager);
    return effectiveCatalogue(all, region, request.effectiveFrom);
  }
}
