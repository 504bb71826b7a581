import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkParameterOverride,
  monthOf,
  monthOfDate,
  monthRange,
  regionPrefix,
  type ParameterOverride,
  type RuleCode,
  RULE_CODES,
} from '@wage/domain';
import { Clock, UseCaseError } from '@wage/platform';
import { RuleOverridesRepository } from '../../../evaluation/rule-overrides.repository';
import { queueEvaluations } from '../../../read-model/pending-evaluations';
import type { SetOverridesBody } from '../../dto/set-overrides.dto';
import { effectiveCatalogue } from '../effective-catalogue';

/** The audit record of one PUT: who set what, when and why. */
export interface OverrideChange {
  id: string;
  setBy: string;
  setAt: string;
  reason: string | null;
  /** effectiveFrom was before the day it was set (Shanghai). */
  retroactive: boolean;
  /** The closed months of the region were re-evaluated on purpose. */
  reevaluate: boolean;
  /** Project-months queued for evaluation again (only when reevaluate). */
  queued: number;
}

/**
 * Sets a region's rule parameters from a date on (docs/domain.md, Rule parameters). A change effective before
 * today is retroactive: it needs a reason, and months that had closed keep their verdicts unless the
 * administrator asks to re-evaluate them (`reevaluate: true`), which queues the region's months since
 * `effectiveFrom`. Every change is audited in rules.rule_override_changes with the values it replaced.
 */
@Injectable()
export class SetOverridesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly overrides: RuleOverridesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(regionCode: string, request: SetOverridesBody, setBy: string) {
    const now = this.clock.now();
    const today = this.clock.today();
    const retroactive = request.effectiveFrom < today;
    const reason = request.reason ?? null;
    if (retroactive && reason === null) {
      const message =
        `生效日期 ${request.effectiveFrom} 早于今天（${today}），属于追溯调整：请在 reason 中写明调整原因（将记入审计记录）。` +
        '已结月份的预警结论默认保持不变；如需按新参数重新评估，另加 "reevaluate": true';
      throw new UseCaseError('UNPROCESSABLE', 'REASON_REQUIRED', message, [
        { field: 'reason', code: 'REASON_REQUIRED', message },
      ]);
    }
    const reevaluate = retroactive && request.reevaluate === true;
    const overrides = toOverrides(regionCode, request);
    const change = await this.dataSource.transaction(async (manager) => {
      const replaced = await this.valuesReplaced(manager, overrides);
      // A version already dated in the past may be what a closed month was judged by: replacing it in place would
      // change that month's rules behind its back. Only a change that re-evaluates on purpose may.
      if (retroactive && !reevaluate && Object.keys(replaced).length > 0) {
        const names = Object.keys(replaced).join('、');
        throw UseCaseError.conflict(
          'VERSION_IN_USE',
          `${names} 自 ${request.effectiveFrom} 起已有一个版本，已结月份可能按它判定：不重新评估就不能原地改写它。` +
            '请另选生效日期，或加 "reevaluate": true 按新参数重新评估该地区的月份',
        );
      }
      // Forward-dated or today's changes reach no closed month anyway (a closed month keeps its close date's rules).
      await this.overrides.save(manager, overrides, !retroactive || reevaluate);
      const id = randomUUID();
      const [{ set_at: setAt }]: { set_at: Date }[] = await manager.query(
        `INSERT INTO rules.rule_override_changes
           (id, region_code, effective_from, parameters, replaced, retroactive, reevaluate, reason, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) RETURNING set_at`,
        [
          id,
          regionCode,
          request.effectiveFrom,
          JSON.stringify(request.parameters),
          JSON.stringify(replaced),
          retroactive,
          reevaluate,
          reason,
          setBy,
        ],
      );
      const queued = reevaluate ? await this.queueRegion(manager, regionCode, request.effectiveFrom, now) : 0;
      return { id, setBy, setAt: setAt.toISOString(), reason, retroactive, reevaluate, queued };
    });
    const all = await this.overrides.all(this.dataSource.manager);
    return { ...effectiveCatalogue(all, regionCode, request.effectiveFrom), change };
  }

  /** The values the PUT replaces (same region, parameter and date), for the audit trail. */
  private async valuesReplaced(
    manager: EntityManager,
    overrides: ParameterOverride[],
  ): Promise<Record<string, number | null>> {
    const stored = await this.overrides.all(manager);
    const replaced: Record<string, number | null> = {};
    for (const o of overrides) {
      const before = stored.find(
        (s) =>
          s.regionCode === o.regionCode &&
          (s.ruleCode ?? '') === (o.ruleCode ?? '') &&
          s.name === o.name &&
          s.effectiveFrom === o.effectiveFrom,
      );
      if (before) replaced[o.ruleCode ? `${o.ruleCode}.${o.name}` : o.name] = before.value;
    }
    return replaced;
  }

  /** Every project-month of the region from the change's month to now, for the evaluation worker. */
  private async queueRegion(
    manager: EntityManager,
    regionCode: string,
    effectiveFrom: string,
    now: Date,
  ): Promise<number> {
    const projects: { code: string; start_month: string }[] = await manager.query(
      `SELECT code, to_char(start_date, 'YYYY-MM') AS start_month FROM rules.projects WHERE region_code LIKE $1`,
      [`${regionPrefix(regionCode)}%`],
    );
    const months = monthRange(monthOfDate(effectiveFrom), monthOf(now));
    const pairs = projects.flatMap((p) =>
      months.filter((m) => m >= p.start_month).map((month) => ({ projectCode: p.code, month })),
    );
    await queueEvaluations(manager, pairs);
    return pairs.length;
  }
}

function toOverrides(regionCode: string, request: SetOverridesBody): ParameterOverride[] {
  return Object.entries(request.parameters).map(([qualified, value]) => {
    const [ruleCode, name] = qualified.includes('.') ? qualified.split('.') : [undefined, qualified];
    if (ruleCode !== undefined && !RULE_CODES.includes(ruleCode as RuleCode)) {
      throw UseCaseError.invalid(
        `"${ruleCode}" is not a rule code; see GET /api/v1/rules for the catalogue.`,
      );
    }
    const override: ParameterOverride = {
      regionCode,
      ...(ruleCode !== undefined && { ruleCode: ruleCode as RuleCode }),
      name,
      value,
      effectiveFrom: request.effectiveFrom,
    };
    checkParameterOverride(override);
    return override;
  });
}
