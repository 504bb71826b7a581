import { applyRate, type Fen, sumFen } from '../money';
import { compareDates, dateInShanghai, type IsoDate, parseIsoDate } from '../month';
import type { IntegrityGrade } from '../integrity';
import type { RuleParameterMap } from './parameters';

export type DepositParameters = RuleParameterMap['DEPOSIT_SHORTFALL'];

/** The contractor's record (by credit code), as the engine's read model knows it on the day evaluated. */
export interface ContractorRecord {
  /** The first day the contractor had a project on the platform. */
  onPlatformSince: IsoDate;
  /**
   * The latest arrears against any of its projects: a WAGE_ARREARS alert that was raised (past the settle period)
   * and not dismissed as unfounded; null if none. Never a pending verdict.
   */
  lastArrearsOn: IsoDate | null;
  /** The alerts (keys) that record counts as arrears, for the evidence. */
  arrearsCounted?: readonly string[];
  blacklisted: boolean;
  usesRealNameManagement: boolean;
  usesDedicatedAccount: boolean;
  /** The integrity grade in force (劳动保障守法诚信等级), once the contractor was graded: it decides the adjustment. */
  grade?: ContractorGrade | null;
}

export interface ContractorGrade {
  grade: IntegrityGrade;
  /** The year graded (a downgrade keeps the year of the grade it lowered). */
  year: number;
  /** C for unpaid wages. */
  unpaidWages: boolean;
  /** A years in a row up to `year`. */
  consecutiveAYears: number;
}

export type DepositReason =
  | 'BLACKLISTED'
  | 'EXEMPT_SMALL_CONTRACT'
  | 'EXEMPT_CLEAN_RECORD'
  | 'RAISED_AFTER_ARREARS'
  | 'REDUCED_CLEAN_RECORD'
  | 'STANDARD'
  | 'GRADE_C_UNPAID_WAGES'
  | 'GRADE_A_EXEMPT'
  | 'GRADE_A_REDUCED'
  | 'GRADE_STANDARD';

/** 1.5 → "1.5倍"; 0 → "免缴" is said by the reason itself. */
const times = (percent: number) => `${percent / 100}倍`;

/** What the evidence says, with the region's figures (a region may change the rates, months and years). */
function reasonText(reason: DepositReason, p: DepositParameters): string {
  switch (reason) {
    case 'BLACKLISTED':
      return `列入失信名单，按${times(p.blacklistAdjustmentPercent)}缴存`;
    case 'EXEMPT_SMALL_CONTRACT':
      return `合同额低于免缴标准且近${p.exemptNoArrearsMonths}个月无欠薪，免缴`;
    case 'EXEMPT_CLEAN_RECORD':
      return `连续${p.exemptCleanMonths}个月无欠薪且落实实名制和专户，免缴`;
    case 'RAISED_AFTER_ARREARS':
      return `近${p.raisedAfterArrearsWithinMonths}个月发生欠薪预警，按${times(p.raisedAdjustmentPercent)}缴存`;
    case 'REDUCED_CLEAN_RECORD':
      return `入平台满${p.reducedAfterCleanMonths}个月无欠薪预警，按${times(p.reducedAdjustmentPercent)}缴存`;
    case 'STANDARD':
      return '按标准比例缴存';
    case 'GRADE_C_UNPAID_WAGES':
      return `守法诚信等级C级（欠薪），按${times(p.gradeCAdjustmentPercent)}缴存`;
    case 'GRADE_A_EXEMPT':
      return `连续${p.gradeAExemptAfterYears}年守法诚信等级A级且落实实名制和专户，免缴`;
    case 'GRADE_A_REDUCED':
      return `连续${p.gradeAReducedAfterYears}年守法诚信等级A级，按${times(p.reducedAdjustmentPercent)}缴存`;
    case 'GRADE_STANDARD':
      return '按守法诚信等级按标准比例缴存';
  }
}

export interface RequiredDeposit {
  requiredFen: Fen;
  rateBasisPoints: number;
  /** 0.5, 1, 1.5 or 2 with the defaults (0 when exempt); exact as a float. */
  adjustment: number;
  adjustmentPercent: number;
  capFen: Fen | null;
  capped: boolean;
  exempt: boolean;
  reason: DepositReason;
  reasonText: string;
  /** The grade that decided the adjustment, if the contractor was graded. */
  grade: { grade: IntegrityGrade; year: number } | null;
}

/**
 * 65号: required = min(cap, contractAmount × rate × adjustment), computed exactly in integers. A blacklisted
 * contractor is never exempt; the exemptions come before the 1.5 and 0.5 adjustments; an arrears alert within
 * 24 months raises the rate even for a long clean history before it.
 */
export function requiredDeposit(
  contractAmountFen: Fen,
  contractor: ContractorRecord,
  onDate: IsoDate,
  parameters: DepositParameters,
): RequiredDeposit {
  const { reason, adjustmentPercent } = depositAdjustment(contractAmountFen, contractor, onDate, parameters);
  const exempt =
    reason === 'EXEMPT_SMALL_CONTRACT' || reason === 'EXEMPT_CLEAN_RECORD' || reason === 'GRADE_A_EXEMPT';
  // fen × bp/10,000 × percent/100, in one exact step
  const uncapped = exempt
    ? 0
    : applyRate(contractAmountFen, parameters.depositRateBasisPoints * adjustmentPercent, 1_000_000);
  const capFen = parameters.depositCapFen;
  const capped = capFen !== null && uncapped > capFen;
  return {
    requiredFen: capped ? capFen : uncapped,
    rateBasisPoints: parameters.depositRateBasisPoints,
    adjustment: adjustmentPercent / 100,
    adjustmentPercent,
    capFen,
    capped,
    exempt,
    reason,
    reasonText: reasonText(reason, parameters),
    grade: contractor.grade ? { grade: contractor.grade.grade, year: contractor.grade.year } : null,
  };
}

function depositAdjustment(
  contractAmountFen: Fen,
  contractor: ContractorRecord,
  onDate: IsoDate,
  p: DepositParameters,
): { reason: DepositReason; adjustmentPercent: number } {
  const arrearsWithin = (months: number) =>
    contractor.lastArrearsOn !== null &&
    compareDates(contractor.lastArrearsOn, monthsBefore(onDate, months)) > 0;
  const onPlatformFor = (months: number) =>
    compareDates(contractor.onPlatformSince, monthsBefore(onDate, months)) <= 0;

  if (contractor.blacklisted)
    return { reason: 'BLACKLISTED', adjustmentPercent: p.blacklistAdjustmentPercent };
  const grade = contractor.grade;
  if (grade?.grade === 'C' && grade.unpaidWages)
    return { reason: 'GRADE_C_UNPAID_WAGES', adjustmentPercent: p.gradeCAdjustmentPercent };
  if (contractAmountFen < p.exemptContractBelowFen && !arrearsWithin(p.exemptNoArrearsMonths)) {
    return { reason: 'EXEMPT_SMALL_CONTRACT', adjustmentPercent: 0 };
  }
  // Once graded, the grade decides (B and other C → 1.0).
  if (grade) {
    if (grade.grade !== 'A' || grade.consecutiveAYears < p.gradeAReducedAfterYears)
      return { reason: 'GRADE_STANDARD', adjustmentPercent: 100 };
    if (
      grade.consecutiveAYears >= p.gradeAExemptAfterYears &&
      contractor.usesRealNameManagement &&
      contractor.usesDedicatedAccount
    )
      return { reason: 'GRADE_A_EXEMPT', adjustmentPercent: 0 };
    return { reason: 'GRADE_A_REDUCED', adjustmentPercent: p.reducedAdjustmentPercent };
  }
  if (
    onPlatformFor(p.exemptCleanMonths) &&
    !arrearsWithin(p.exemptCleanMonths) &&
    contractor.usesRealNameManagement &&
    contractor.usesDedicatedAccount
  ) {
    return { reason: 'EXEMPT_CLEAN_RECORD', adjustmentPercent: 0 };
  }
  if (arrearsWithin(p.raisedAfterArrearsWithinMonths)) {
    return { reason: 'RAISED_AFTER_ARREARS', adjustmentPercent: p.raisedAdjustmentPercent };
  }
  if (onPlatformFor(p.reducedAfterCleanMonths) && !arrearsWithin(p.reducedAfterCleanMonths)) {
    return { reason: 'REDUCED_CLEAN_RECORD', adjustmentPercent: p.reducedAdjustmentPercent };
  }
  return { reason: 'STANDARD', adjustmentPercent: 100 };
}

/** The same day `months` months earlier, or the month's last day when it has no such day (31 Mar → 28 Feb). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  parseIsoDate(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ── deposit in force ──

export interface DepositRecord {
  depositId: string;
  form: 'CASH' | 'GUARANTEE';
  amountFen: Fen;
  effectiveOn: IsoDate;
  /** A guarantee letter's last day of validity. */
  expiresOn?: IsoDate;
  reference?: string;
}

export interface DepositMovement {
  depositId: string;
  kind: 'DRAWDOWN' | 'TOPUP' | 'RELEASE';
  amountFen: Fen;
  occurredAt: Date;
}

export interface DepositInForce {
  totalFen: Fen;
  cashFen: Fen;
  guaranteeFen: Fen;
  /** The guarantee letters counted, with what is left of each. */
  guarantees: (DepositRecord & { inForceFen: Fen })[];
}

/**
 * Cash deposits plus unexpired guarantee letters on `onDate`, each less its drawdowns and releases and plus
 * its top-ups up to that day. A letter counts from `effectiveOn` through `expiresOn`, both included (a letter
 * "valid until 31 Dec" still counts on 31 Dec).
 */
export function depositInForce(
  deposits: readonly DepositRecord[],
  movements: readonly DepositMovement[],
  onDate: IsoDate,
): DepositInForce {
  const counted = deposits
    .filter((deposit) => compareDates(deposit.effectiveOn, onDate) <= 0)
    .filter(
      (deposit) =>
        deposit.form === 'CASH' ||
        deposit.expiresOn === undefined ||
        compareDates(onDate, deposit.expiresOn) <= 0,
    )
    .map((deposit) => {
      const moved = movements.filter(
        (movement) =>
          movement.depositId === deposit.depositId &&
          compareDates(dateInShanghai(movement.occurredAt), onDate) <= 0,
      );
      const change = sumFen(
        moved.map((movement) => (movement.kind === 'TOPUP' ? 1 : -1) * movement.amountFen),
      );
      return { ...deposit, inForceFen: Math.max(0, deposit.amountFen + change) };
    });
  const cashFen = sumFen(counted.filter((d) => d.form === 'CASH').map((d) => d.inForceFen));
  const guarantees = counted.filter((d) => d.form === 'GUARANTEE');
  const guaranteeFen = sumFen(guarantees.map((d) => d.inForceFen));
  return { totalFen: cashFen + guaranteeFen, cashFen, guaranteeFen, guarantees };
}
