import { compareDates, dateInShanghai, parseIsoDate, type IsoDate } from './month';
import { addWorkingDays } from './working-days';

// 劳动保障守法诚信等级评价办法 (人社部规〔2016〕1号) and 拖欠农民工工资失信联合惩戒对象名单管理暂行办法 (人社部令第45号).

/** 劳动保障守法诚信等级: A 守法诚信, B 基本守法诚信, C 不守法诚信. */
export const INTEGRITY_GRADES = ['A', 'B', 'C'] as const;
export type IntegrityGrade = (typeof INTEGRITY_GRADES)[number];

/** What, found in a case, makes an employer C on its own (besides three or more findings). */
export const AGGRAVATING_CIRCUMSTANCES = [
  /** 因劳动保障违法行为引发群体性事件、极端事件 */
  'GROUP_INCIDENT',
  /** 拒不履行劳动保障监察限期整改指令、行政处理决定或者行政处罚决定 */
  'REFUSED_ORDER',
  /** 无理抗拒、阻挠劳动保障监察 */
  'OBSTRUCTED_INSPECTION',
  /** 被移送司法机关追究刑事责任 */
  'PROSECUTED',
] as const;
export type AggravatingCircumstance = (typeof AGGRAVATING_CIRCUMSTANCES)[number];

export type GradeCriterion = 'THREE_OR_MORE_FINDINGS' | AggravatingCircumstance;

/** Three violations found (查处三次以上) make C. */
export const C_FINDINGS_THRESHOLD = 3;

/** A violation found against an employer: one closed case with a finding. */
export interface EmployerFinding {
  caseId: string;
  /** When the case closed with the finding; the year it counts for is its date in Asia/Shanghai. */
  foundAt: Date;
  unpaidWages: boolean;
  violations: readonly string[];
  circumstances: readonly AggravatingCircumstance[];
}

export interface GradeVerdict {
  grade: IntegrityGrade;
  /** Why C: each criterion met, in the order of the regulation; empty for A and B. */
  criteria: GradeCriterion[];
  /** The findings the grade rests on (case ids), oldest first. */
  basis: string[];
  /** C for unpaid wages (欠薪): the deposit doubles. */
  unpaidWages: boolean;
}

/** A finding counts when the case found a violation: unpaid wages or any violation named. */
export function isViolation(finding: EmployerFinding): boolean {
  return finding.unpaidWages || finding.violations.length > 0 || finding.circumstances.length > 0;
}

/** The calendar year (Asia/Shanghai) a finding counts for. */
export function findingYear(finding: EmployerFinding): number {
  return Number(dateInShanghai(finding.foundAt).slice(0, 4));
}

/** A, B or C over a set of findings: A none, B a violation found, C any criterion of the regulation. */
export function gradeOf(findings: readonly EmployerFinding[]): GradeVerdict {
  const violations = findings
    .filter(isViolation)
    .sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime() || a.caseId.localeCompare(b.caseId));
  const basis = violations.map((f) => f.caseId);
  const unpaidWages = violations.some((f) => f.unpaidWages);
  if (violations.length === 0) return { grade: 'A', criteria: [], basis, unpaidWages };
  const criteria: GradeCriterion[] = [];
  if (violations.length >= C_FINDINGS_THRESHOLD) criteria.push('THREE_OR_MORE_FINDINGS');
  for (const circumstance of AGGRAVATING_CIRCUMSTANCES)
    if (violations.some((f) => f.circumstances.includes(circumstance))) criteria.push(circumstance);
  return { grade: criteria.length > 0 ? 'C' : 'B', criteria, basis, unpaidWages };
}

/** The annual grade of `year`, run in January of the next year: only that calendar year's findings count. */
export function annualGrade(year: number, findings: readonly EmployerFinding[]): GradeVerdict {
  return gradeOf(findings.filter((f) => findingYear(f) === year));
}

const RANK: Readonly<Record<IntegrityGrade, number>> = { A: 0, B: 1, C: 2 };

/**
 * A new finding downgrades at once: the grade in force, taken again over the findings it rested on and the new
 * one. It never raises a grade (only the next annual run does); null when the grade stays as it is.
 */
export function downgradeOnFinding(
  current: { grade: IntegrityGrade; basis: readonly EmployerFinding[] },
  finding: EmployerFinding,
): GradeVerdict | null {
  if (!isViolation(finding) || current.basis.some((f) => f.caseId === finding.caseId)) return null;
  const verdict = gradeOf([...current.basis, finding]);
  if (RANK[verdict.grade] <= RANK[current.grade]) return null;
  return verdict;
}

/** Consecutive A years ending with the latest graded year (a gap or a B or C ends the run). */
export function consecutiveAYears(history: readonly { year: number; grade: IntegrityGrade }[]): number {
  const byYear = new Map(history.map((h) => [h.year, h.grade]));
  if (byYear.size === 0) return 0;
  let year = Math.max(...byYear.keys());
  let run = 0;
  while (byYear.get(year) === 'A') {
    run++;
    year--;
  }
  return run;
}

// ── the blacklist (人社部令第45号) ──

/** 陈述申辩: the employer may state its case within 5 working days of the notice (事先告知). */
export const STATEMENT_WORKING_DAYS = 5;
/** Listed for 3 years from the decision. */
export const LISTING_YEARS = 3;
/** Early removal (信用修复) no sooner than 6 months after the decision. */
export const EARLY_REMOVAL_MONTHS = 6;

/** The last day of the statement period of a notice given on `noticeOn` (the day of the notice not counted). */
export function statementDeadline(noticeOn: IsoDate): IsoDate {
  return addWorkingDays(noticeOn, STATEMENT_WORKING_DAYS);
}

/** The same day `months` months later, or the month's last day when it has none (29 Feb + 36 months → 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  parseIsoDate(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day listed: 3 years from the decision, the anniversary not included. */
export function listedUntil(decidedOn: IsoDate): IsoDate {
  const anniversary = addMonths(decidedOn, LISTING_YEARS * 12);
  const day = new Date(`${anniversary}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Whether a listing decided on `decidedOn` still stands on `today` (not removed early). */
export function isListedOn(decidedOn: IsoDate, today: IsoDate): boolean {
  return compareDates(decidedOn, today) <= 0 && compareDates(today, listedUntil(decidedOn)) <= 0;
}

export type ListingDecision =
  /** Too early: the statement period runs until `statementBy` and no statement is recorded. */
  | { outcome: 'STATEMENT_PERIOD_OPEN'; statementBy: IsoDate }
  | { outcome: 'LISTED'; listedUntil: IsoDate }
  | { outcome: 'NOT_LISTED' }
  /** The arrears were paid before the decision: the procedure ends without a listing. */
  | { outcome: 'ENDED_BY_PAYMENT' };

/**
 * The decision (决定) after a notice: not before the statement is in or its period is over; wages paid in full
 * before it end the procedure whatever the inspector decides.
 */
export function decideListing(input: {
  noticeOn: IsoDate;
  statementReceived: boolean;
  today: IsoDate;
  outstandingFen: number;
  listed: boolean;
}): ListingDecision {
  const deadline = statementDeadline(input.noticeOn);
  if (!input.statementReceived && compareDates(input.today, deadline) <= 0)
    return { outcome: 'STATEMENT_PERIOD_OPEN', statementBy: deadline };
  if (input.outstandingFen <= 0) return { outcome: 'ENDED_BY_PAYMENT' };
  if (!input.listed) return { outcome: 'NOT_LISTED' };
  return { outcome: 'LISTED', listedUntil: listedUntil(input.today) };
}

export type EarlyRemovalProblem = 'ARREARS_UNPAID' | 'TOO_SOON' | 'NO_PLEDGE';

/**
 * What stands in the way of early removal (信用修复): the arrears paid, 6 months since the decision, a written
 * pledge (信用承诺) on file. Empty when it may be granted.
 */
export function earlyRemovalProblems(input: {
  decidedOn: IsoDate;
  today: IsoDate;
  outstandingFen: number;
  pledgeReference: string | null;
}): EarlyRemovalProblem[] {
  const problems: EarlyRemovalProblem[] = [];
  if (input.outstandingFen > 0) problems.push('ARREARS_UNPAID');
  if (compareDates(input.today, addMonths(input.decidedOn, EARLY_REMOVAL_MONTHS)) < 0)
    problems.push('TOO_SOON');
  if (!input.pledgeReference?.trim()) problems.push('NO_PLEDGE');
  return problems;
}

/** The day early removal may first be granted. */
export function earliestRemoval(decidedOn: IsoDate): IsoDate {
  return addMonths(decidedOn, EARLY_REMOVAL_MONTHS);
}
