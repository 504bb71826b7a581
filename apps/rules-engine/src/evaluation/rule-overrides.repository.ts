import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ParameterOverride, RuleCode } from '@wage/domain';

/** Regional, versioned overrides of rule parameters (`PUT /rules/{regionCode}`). */
@Injectable()
export class RuleOverridesRepository {
  async all(manager: EntityManager): Promise<ParameterOverride[]> {
    const rows: {
      region_code: string;
      rule_code: string;
      name: string;
      effective_from: string;
      value: string | null;
      set_at: Date;
      applies_to_closed_months: boolean;
    }[] = await manager.query(
      `SELECT region_code, rule_code, name, effective_from::text, value::text, set_at, applies_to_closed_months
       FROM rules.rule_overrides`,
    );
    return rows.map((r) => ({
      regionCode: r.region_code,
      ...(r.rule_code !== '' && { ruleCode: r.rule_code as RuleCode }),
      name: r.name,
      value: r.value === null ? null : Number(r.value),
      effectiveFrom: r.effective_from,
      setAt: r.set_at,
      appliesToClosedMonths: r.applies_to_closed_months,
    }));
  }

  /**
   * A second PUT for the same region, parameter and date replaces that version's value. `appliesToClosedMonths`
   * false: months closed before now keep the rules they closed with.
   */
  async save(
    manager: EntityManager,
    overrides: readonly ParameterOverride[],
    appliesToClosedMonths = true,
  ): Promise<void> {
    if (overrides.length === 0) return;
    await manager.query(
      `INSERT INTO rules.rule_overrides (region_code, rule_code, name, effective_from, value, applies_to_closed_months)
       SELECT *, $6::boolean FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[])
       ON CONFLICT (region_code, rule_code, name, effective_from)
       DO UPDATE SET value = EXCLUDED.value, set_at = now(),
         applies_to_closed_months = EXCLUDED.applies_to_closed_months`,
      [
        overrides.map((o) => o.regionCode),
        overrides.map((o) => o.ruleCode ?? ''),
        overrides.map((o) => o.name),
        overrides.map((o) => o.effectiveFrom),
        overrides.map((o) => o.value),
        appliesToClosedMonths,
      ],
    );
  }
}
