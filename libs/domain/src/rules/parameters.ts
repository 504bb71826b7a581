import { DomainError } from '../errors';
import { compareDates, type IsoDate, parseIsoDate } from '../month';
import { NATIONAL_REGION, type RegionCode, regionChain } from '../region';
import type { ParameterValue, RuleCode } from './finding';

/** The parameters of each rule. Money in fen, shares in basis points (万分之一), days as named. */
export interface RuleParameterMap {
  WAGE_ARREARS: {
    graceDays: number;
    bankFeedLagDays: number;
    orangeDaysOverdue: number;
    redDaysOverdue: number;
    orangeUnpaidShareBasisPoints: number;
    redUnpaidWorkers: number;
  };
  WAGE_UNDERPAID: {
    graceDays: number;
    bankFeedLagDays: number;
    underpaidToleranceFen: number;
    orangeShortfallShareBasisPoints: number;
  };
  PAY_SHEET_MISSING: { graceDays: number };
  LABOR_COST_NOT_APPROPRIATED: {
    appropriationGraceDays: number;
    bankFeedLagDays: number;
    orangeConsecutiveMonths: number;
    redConsecutiveMonths: number;
  };
  ACCOUNT_BALANCE_SHORTFALL: { graceDays: number; shortfallLookaheadDays: number };
  DEPOSIT_SHORTFALL: {
    depositRateBasisPoints: number;
    /** null: no cap. */
    depositCapFen: number | null;
    depositWorkingDays: number;
    topUpWorkingDays: number;
    redAfterDays: number;
    reducedAdjustmentPercent: number;
    reducedAfterCleanMonths: number;
    raisedAdjustmentPercent: number;
    raisedAfterArrearsWithinMonths: number;
    blacklistAdjustmentPercent: number;
    gradeCAdjustmentPercent: number;
    gradeAReducedAfterYears: number;
    gradeAExemptAfterYears: number;
    exemptContractBelowFen: number;
    exemptNoArrearsMonths: number;
    exemptCleanMonths: number;
  };
  DEPOSIT_GUARANTEE_EXPIRING: { guaranteeExpiringDays: number };
  FUNDS_DIVERTED: {
    redAmountFen: number;
    redBalanceShareBasisPoints: number;
    feeAllowanceFen: number;
  };
  PAYEE_NOT_ON_ROSTER: Record<string, never>;
  SHARED_BANK_CARD: Record<string, never>;
  ABNORMAL_PAYOUT: { monthlyLimitFen: number; yearlyLimitFen: number };
  NO_WAGE_ACCOUNT: { accountOpeningDays: number };
  REAL_NAME_GAP: { graceDays: number };
  BANK_FEED_STALE: { graceDays: number; bankFeedLagDays: number };
  WORKER_PAY_DISPUTED: { orangeDisputingWorkers: number };
  RECTIFICATION_OVERDUE: Record<string, never>;
}

export type ParameterUnit =
  'days' | 'workingDays' | 'months' | 'years' | 'fen' | 'basisPoints' | 'percent' | 'workers';

export interface ParameterDefinition<V = ParameterValue> {
  defaultValue: V;
  unit: ParameterUnit;
  /** Whether null (no limit) is allowed. */
  nullable?: true;
  description: string;
}

export type ParameterCatalogue = {
  readonly [C in RuleCode]: {
    readonly [N in keyof RuleParameterMap[C]]: ParameterDefinition<RuleParameterMap[C][N]>;
  };
};

const graceDays: ParameterDefinition<number> = {
  defaultValue: 2,
  unit: 'days',
  description: 'Calendar days after the due date (payday, moved back to a working day) before an alert.',
};

const bankFeedLagDays: ParameterDefinition<number> = {
  defaultValue: 3,
  unit: 'workingDays',
  description:
    "Working days after a deadline that payment rules wait for the bank's feed to be complete through it; " +
    'an account whose feed lags longer raises BANK_FEED_STALE (YELLOW at twice the lag).',
};

/** National defaults from docs/domain.md (rule parameters); a region overrides any of them. */
export const PARAMETER_CATALOGUE: ParameterCatalogue = {
  WAGE_ARREARS: {
    graceDays,
    bankFeedLagDays,
    orangeDaysOverdue: {
      defaultValue: 15,
      unit: 'days',
      description: 'ORANGE when more days overdue than this.',
    },
    redDaysOverdue: { defaultValue: 30, unit: 'days', description: 'RED when more days overdue than this.' },
    orangeUnpaidShareBasisPoints: {
      defaultValue: 1000,
      unit: 'basisPoints',
      description: "ORANGE when more than this share of the month's workers is unpaid (1000 = 10%).",
    },
    redUnpaidWorkers: {
      defaultValue: 10,
      unit: 'workers',
      description: 'RED from this many workers unpaid.',
    },
  },
  WAGE_UNDERPAID: {
    graceDays,
    bankFeedLagDays,
    underpaidToleranceFen: {
      defaultValue: 100,
      unit: 'fen',
      description: 'A shortfall up to this amount per worker is tolerated (underpaidToleranceYuan = 1).',
    },
    orangeShortfallShareBasisPoints: {
      defaultValue: 2000,
      unit: 'basisPoints',
      description: "ORANGE when the month's shortfall is more than this share of the sheet's net pay.",
    },
  },
  PAY_SHEET_MISSING: { graceDays },
  LABOR_COST_NOT_APPROPRIATED: {
    appropriationGraceDays: {
      defaultValue: 10,
      unit: 'days',
      description: 'Days after the month ends before a month without appropriation is reported.',
    },
    bankFeedLagDays,
    orangeConsecutiveMonths: {
      defaultValue: 2,
      unit: 'months',
      description: 'ORANGE at this many months in a row.',
    },
    redConsecutiveMonths: {
      defaultValue: 3,
      unit: 'months',
      description: 'RED at this many months in a row.',
    },
  },
  ACCOUNT_BALANCE_SHORTFALL: {
    graceDays,
    shortfallLookaheadDays: {
      defaultValue: 5,
      unit: 'days',
      description:
        "Days before the month's wage deadline from which the balance is compared with wages unpaid.",
    },
  },
  DEPOSIT_SHORTFALL: {
    depositRateBasisPoints: {
      defaultValue: 200,
      unit: 'basisPoints',
      description: 'Deposit rate (200 = 2%).',
    },
    depositCapFen: {
      defaultValue: null,
      unit: 'fen',
      nullable: true,
      description: 'Cap per project; null: none.',
    },
    depositWorkingDays: {
      defaultValue: 20,
      unit: 'workingDays',
      description: 'Working days after the start for the deposit to be stored.',
    },
    topUpWorkingDays: {
      defaultValue: 10,
      unit: 'workingDays',
      description: 'Working days to top up a drawdown.',
    },
    redAfterDays: {
      defaultValue: 30,
      unit: 'days',
      description: 'RED when still short this many days later.',
    },
    reducedAdjustmentPercent: {
      defaultValue: 50,
      unit: 'percent',
      description: 'Adjustment for a clean record.',
    },
    reducedAfterCleanMonths: {
      defaultValue: 24,
      unit: 'months',
      description: 'Months on the platform without an arrears alert for the reduced rate.',
    },
    raisedAdjustmentPercent: { defaultValue: 150, unit: 'percent', description: 'Adjustment after arrears.' },
    raisedAfterArrearsWithinMonths: {
      defaultValue: 24,
      unit: 'months',
      description: 'An arrears alert within this many months raises the rate.',
    },
    blacklistAdjustmentPercent: {
      defaultValue: 200,
      unit: 'percent',
      description: 'Adjustment for the blacklist.',
    },
    gradeCAdjustmentPercent: {
      defaultValue: 200,
      unit: 'percent',
      description: 'Adjustment for an employer graded C for unpaid wages.',
    },
    gradeAReducedAfterYears: {
      defaultValue: 2,
      unit: 'years',
      description: 'A grades in a row for the reduced rate (reducedAdjustmentPercent).',
    },
    gradeAExemptAfterYears: {
      defaultValue: 3,
      unit: 'years',
      description: 'A grades in a row, with real-name management and a dedicated account, for the exemption.',
    },
    exemptContractBelowFen: {
      defaultValue: 300_000_000,
      unit: 'fen',
      description: 'Contracts below this (¥3,000,000) are exempt when the contractor had no recent arrears.',
    },
    exemptNoArrearsMonths: {
      defaultValue: 12,
      unit: 'months',
      description: 'Months without arrears a small contract needs to be exempt.',
    },
    exemptCleanMonths: {
      defaultValue: 36,
      unit: 'months',
      description:
        'Clean months exempting a contractor using real-name management and the dedicated account.',
    },
  },
  DEPOSIT_GUARANTEE_EXPIRING: {
    guaranteeExpiringDays: { defaultValue: 30, unit: 'days', description: 'Notice before a letter expires.' },
  },
  FUNDS_DIVERTED: {
    redAmountFen: { defaultValue: 5_000_000, unit: 'fen', description: 'RED from this debit (¥50,000).' },
    redBalanceShareBasisPoints: {
      defaultValue: 2000,
      unit: 'basisPoints',
      description: 'RED from this share of the balance before the debit (2000 = 20%).',
    },
    feeAllowanceFen: {
      defaultValue: 50_000,
      unit: 'fen',
      description: 'A bank fee up to this amount (¥500) is not a diversion; a larger "fee" is.',
    },
  },
  PAYEE_NOT_ON_ROSTER: {},
  SHARED_BANK_CARD: {},
  ABNORMAL_PAYOUT: {
    monthlyLimitFen: {
      defaultValue: 5_000_000,
      unit: 'fen',
      description: 'One worker, one month (¥50,000).',
    },
    yearlyLimitFen: {
      defaultValue: 30_000_000,
      unit: 'fen',
      description: 'One worker, one year (¥300,000).',
    },
  },
  NO_WAGE_ACCOUNT: {
    accountOpeningDays: {
      defaultValue: 30,
      unit: 'days',
      description: 'Days after the start to open the account.',
    },
  },
  REAL_NAME_GAP: { graceDays },
  BANK_FEED_STALE: { graceDays, bankFeedLagDays },
  WORKER_PAY_DISPUTED: {
    orangeDisputingWorkers: {
      defaultValue: 3,
      unit: 'workers',
      description: 'ORANGE from this many workers of the project disputing the same month.',
    },
  },
  // The order names its own deadline; the violation is judged by the rules it was about.
  RECTIFICATION_OVERDUE: {},
};

export const RULE_CODES = Object.keys(PARAMETER_CATALOGUE) as RuleCode[];

/**
 * A regional override, versioned: from `effectiveFrom` on, `name` takes `value` in `regionCode` and the regions
 * inside it. Without `ruleCode` it applies to every rule that has a parameter of that name (e.g. `graceDays`).
 */
export interface ParameterOverride {
  regionCode: RegionCode;
  ruleCode?: RuleCode;
  name: string;
  value: ParameterValue;
  effectiveFrom: IsoDate;
  /** When the administrator set it (absent for a value not read from the store). */
  setAt?: Date;
  /**
   * false for a retroactive change set for later evaluations only: months that had closed before it was set keep
   * their verdicts (see monthParameterBasis). Absent or true: it applies wherever its date says.
   */
  appliesToClosedMonths?: boolean;
}

export type ParameterSource =
  | { kind: 'NATIONAL_DEFAULT' }
  | { kind: 'OVERRIDE'; regionCode: RegionCode; ruleCode: RuleCode | null; effectiveFrom: IsoDate };

export type EffectiveParameters = { [C in RuleCode]: RuleParameterMap[C] };
export type ParameterSources = { [C in RuleCode]: Record<keyof RuleParameterMap[C], ParameterSource> };

export interface ResolvedParameters {
  parameters: EffectiveParameters;
  /** Where each value came from, for the evidence and for `GET /rules`. */
  sources: ParameterSources;
}

export function defaultParameters(): EffectiveParameters {
  return mapCatalogue((definition) => definition.defaultValue) as EffectiveParameters;
}

/**
 * The parameters in force for a project in `regionCode` on `onDate`. For each parameter the most specific
 * region with an override wins (350206, then 350200, 350000, the nation '000000', then the default); within a
 * region an override naming the rule beats one for every rule; among its versions the latest `effectiveFrom`
 * on or before `onDate` counts. A region's general override still beats a rule-specific one further up: the
 * region that set it knows its own conditions.
 */
export function resolveParameters(
  overrides: readonly ParameterOverride[],
  regionCode: RegionCode,
  onDate: IsoDate,
): ResolvedParameters {
  parseIsoDate(onDate);
  overrides.forEach(checkParameterOverride);
  const chain = [...regionChain(regionCode), NATIONAL_REGION].filter(
    (code, index, codes) => codes.indexOf(code) === index,
  );
  const inForce = overrides.filter((override) => compareDates(override.effectiveFrom, onDate) <= 0);
  const resolved = RULE_CODES.map((ruleCode) => {
    const values: Record<string, ParameterValue> = {};
    const sources: Record<string, ParameterSource> = {};
    for (const [name, definition] of Object.entries(catalogueOf(ruleCode))) {
      const winner = pickOverride(inForce, chain, ruleCode, name);
      values[name] = winner ? winner.value : definition.defaultValue;
      sources[name] = winner
        ? {
            kind: 'OVERRIDE',
            regionCode: winner.regionCode,
            ruleCode: winner.ruleCode ?? null,
            effectiveFrom: winner.effectiveFrom,
          }
        : { kind: 'NATIONAL_DEFAULT' };
    }
    return [ruleCode, values, sources] as const;
  });
  return {
    parameters: Object.fromEntries(resolved.map(([code, values]) => [code, values])) as EffectiveParameters,
    sources: Object.fromEntries(resolved.map(([code, , sources]) => [code, sources])) as ParameterSources,
  };
}

/** Refuses an override the catalogue does not know or a value its parameter cannot take, e.g. at `PUT /rules`. */
export function checkParameterOverride(override: ParameterOverride): void {
  parseIsoDate(override.effectiveFrom);
  regionChain(override.regionCode);
  const definitions = override.ruleCode
    ? [catalogueOf(override.ruleCode)[override.name]].filter((definition) => definition !== undefined)
    : RULE_CODES.map((code) => catalogueOf(code)[override.name]).filter(
        (definition) => definition !== undefined,
      );
  if (definitions.length === 0) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `No rule${override.ruleCode ? ` ${override.ruleCode}` : ''} has a parameter "${override.name}"; see GET /api/v1/rules for the catalogue.`,
      'name',
    );
  }
  for (const definition of definitions) checkValue(override, definition);
}

function checkValue(override: ParameterOverride, definition: ParameterDefinition): void {
  const { value, name } = override;
  if (value === null) {
    if (definition.nullable) return;
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Parameter "${name}" needs a value; only a cap may be null.`,
      name,
    );
  }
  const upperBound = definition.unit === 'basisPoints' ? 10_000 : Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < 0 || value > upperBound) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Parameter "${name}" is a whole number of ${definition.unit} from 0${definition.unit === 'basisPoints' ? ' to 10000' : ''}, not ${value}.`,
      name,
    );
  }
}

function pickOverride(
  inForce: readonly ParameterOverride[],
  chain: readonly RegionCode[],
  ruleCode: RuleCode,
  name: string,
): ParameterOverride | undefined {
  for (const region of chain) {
    const candidates = inForce.filter(
      (override) =>
        override.regionCode === region &&
        override.name === name &&
        (override.ruleCode === undefined || override.ruleCode === ruleCode),
    );
    if (candidates.length === 0) continue;
    // Rule-specific first, then the latest version.
    return [...candidates].sort(
      (a, b) =>
        Number(b.ruleCode !== undefined) - Number(a.ruleCode !== undefined) ||
        compareDates(b.effectiveFrom, a.effectiveFrom),
    )[0];
  }
  return undefined;
}

function catalogueOf(ruleCode: RuleCode): Record<string, ParameterDefinition> {
  return PARAMETER_CATALOGUE[ruleCode] as Record<string, ParameterDefinition>;
}

function mapCatalogue(map: (definition: ParameterDefinition) => ParameterValue) {
  return Object.fromEntries(
    RULE_CODES.map((code) => [
      code,
      Object.fromEntries(
        Object.entries(catalogueOf(code)).map(([name, definition]) => [name, map(definition)]),
      ),
    ]),
  );
}
