import { DomainError } from './errors';
import { applyRate, formatYuan, type Fen } from './money';
import { addCalendarDays, compareDates, type IsoDate } from './month';
import { addWorkingDays, isWorkingDay } from './working-days';

// 劳动保障监察条例 (Order 423) and 关于实施《劳动保障监察条例》若干规定 (MOHRSS Order 25): the statutory clocks of a case,
// in working days of the official calendar.
/** A complaint, report or clue is accepted, refused or sent back within 5 working days of its receipt. */
export const ACCEPTANCE_WORKING_DAYS = 5;
/** An investigation closes within 60 working days of the case being opened... */
export const INVESTIGATION_WORKING_DAYS = 60;
/** ...or, with one recorded approval, 30 working days later. */
export const EXTENSION_WORKING_DAYS = 30;

/** The last day to decide on a complaint received on `receivedOn` (the day of receipt not counted). */
export function acceptanceDeadline(receivedOn: IsoDate): IsoDate {
  return addWorkingDays(receivedOn, ACCEPTANCE_WORKING_DAYS);
}

/** The last day of a case opened on `openedOn`, with its one extension or without. */
export function investigationDeadline(openedOn: IsoDate, extended: boolean): IsoDate {
  return addWorkingDays(openedOn, INVESTIGATION_WORKING_DAYS + (extended ? EXTENSION_WORKING_DAYS : 0));
}

/**
 * Working days left until a deadline, as of `today`: the working days after today up to and including the
 * deadline (0 on the deadline itself). Past the deadline it is negative: minus the working days after the
 * deadline up to and including today.
 */
export function workingDaysLeft(today: IsoDate, deadline: IsoDate): number {
  const sign = compareDates(deadline, today) >= 0 ? 1 : -1;
  const [from, to] = sign > 0 ? [today, deadline] : [deadline, today];
  let count = 0;
  for (let day = addCalendarDays(from, 1); compareDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return sign * count;
}

/** The articles of the Regulations (保障农民工工资支付条例) a penalty (行政处罚) may rest on. */
export const PENALTY_ARTICLES = ['ART_54_UNIT', 'ART_54_PERSON', 'ART_55', 'ART_56', 'ART_57'] as const;
export type PenaltyArticle = (typeof PENALTY_ARTICLES)[number];

export interface PenaltyRange {
  minFen: Fen;
  maxFen: Fen;
  /** The legal basis as a document cites it. */
  basis: string;
}

const YUAN = 100;
export const PENALTY_RANGES: Readonly<Record<PenaltyArticle, PenaltyRange>> = {
  ART_54_UNIT: {
    minFen: 20_000 * YUAN,
    maxFen: 50_000 * YUAN,
    basis: '《保障农民工工资支付条例》第五十四条（单位）',
  },
  ART_54_PERSON: {
    minFen: 10_000 * YUAN,
    maxFen: 30_000 * YUAN,
    basis: '《保障农民工工资支付条例》第五十四条（直接负责的主管人员和其他直接责任人员）',
  },
  ART_55: { minFen: 50_000 * YUAN, maxFen: 100_000 * YUAN, basis: '《保障农民工工资支付条例》第五十五条' },
  ART_56: { minFen: 50_000 * YUAN, maxFen: 100_000 * YUAN, basis: '《保障农民工工资支付条例》第五十六条' },
  ART_57: { minFen: 50_000 * YUAN, maxFen: 100_000 * YUAN, basis: '《保障农民工工资支付条例》第五十七条' },
};

/** Refuses a penalty outside its article's range, saying the range. */
export function checkPenalty(article: PenaltyArticle, amountFen: Fen): void {
  const range = PENALTY_RANGES[article];
  if (amountFen < range.minFen || amountFen > range.maxFen) {
    throw new DomainError(
      'INVALID_RANGE',
      `a penalty under ${article} (${range.basis}) is between ${formatYuan(range.minFen)} and ` +
        `${formatYuan(range.maxFen)} yuan; ${formatYuan(amountFen)} is outside it`,
      'amount',
    );
  }
}

/** 加付赔偿金 (Order 423 Art. 26): 50 % to 100 % of the wages owed, rounded to the fen. */
export function extraCompensationRange(wagesOwedFen: Fen): { minFen: Fen; maxFen: Fen } {
  return { minFen: applyRate(wagesOwedFen, 50, 100), maxFen: wagesOwedFen };
}

export function checkExtraCompensation(wagesOwedFen: Fen, amountFen: Fen): void {
  if (wagesOwedFen <= 0) {
    throw new DomainError(
      'INVALID_RANGE',
      'extra compensation is 50–100 % of the wages owed, and this case has no wages owed on record; ' +
        'record the amount in a rectification order or handling decision first',
      'amount',
    );
  }
  const { minFen, maxFen } = extraCompensationRange(wagesOwedFen);
  if (amountFen < minFen || amountFen > maxFen) {
    throw new DomainError(
      'INVALID_RANGE',
      `extra compensation is 50–100 % of the wages owed (${formatYuan(wagesOwedFen)} yuan): between ` +
        `${formatYuan(minFen)} and ${formatYuan(maxFen)} yuan; ${formatYuan(amountFen)} is outside it`,
      'amount',
    );
  }
}

// 拒不支付劳动报酬罪 (Criminal Law Art. 276-1; 法释〔2013〕3号 Art. 3): the amounts each province sets within the
// national ranges, above which an unheeded order to pay is transferred to the police (移送公安).

/** A province's figures: one worker owed at least `individualFen`; or 10 or more workers, `groupFen` in all. */
export interface CriminalThreshold {
  individualFen: Fen;
  groupFen: Fen;
}

/** The ranges of 法释〔2013〕3号 Art. 3: ¥5,000–20,000 for one worker, ¥30,000–100,000 for 10 or more. */
export const CRIMINAL_THRESHOLD_RANGES = {
  individualFen: { minFen: 5_000 * YUAN, maxFen: 20_000 * YUAN },
  groupFen: { minFen: 30_000 * YUAN, maxFen: 100_000 * YUAN },
} as const;

/** Workers owed that make a group (10 or more, Art. 3). */
export const CRIMINAL_GROUP_WORKERS = 10;

/** Where no province set its figures: the lowest of the ranges, so that no transfer the law allows is missed. */
export const NATIONAL_CRIMINAL_THRESHOLD: CriminalThreshold = {
  individualFen: CRIMINAL_THRESHOLD_RANGES.individualFen.minFen,
  groupFen: CRIMINAL_THRESHOLD_RANGES.groupFen.minFen,
};

/** Refuses a province's figure outside the national range. */
export function checkCriminalThreshold(threshold: CriminalThreshold): void {
  for (const name of ['individualFen', 'groupFen'] as const) {
    const { minFen, maxFen } = CRIMINAL_THRESHOLD_RANGES[name];
    if (threshold[name] < minFen || threshold[name] > maxFen)
      throw new DomainError(
        'INVALID_RANGE',
        `the criminal threshold ${name} is between ${formatYuan(minFen)} and ${formatYuan(maxFen)} yuan ` +
          `(法释〔2013〕3号 Art. 3); ${formatYuan(threshold[name])} is outside it`,
        name,
      );
  }
}

/** The province's figures (the first two digits of the region code), else the national default. */
export function criminalThresholdFor(
  regionCode: string,
  byProvince: Readonly<Record<string, CriminalThreshold>>,
): CriminalThreshold & { province: string; source: 'PROVINCE' | 'NATIONAL' } {
  const province = `${regionCode.slice(0, 2)}0000`;
  const own = byProvince[province];
  return own
    ? { ...own, province, source: 'PROVINCE' }
    : { ...NATIONAL_CRIMINAL_THRESHOLD, province, source: 'NATIONAL' };
}

export interface PoliceTransferOffer {
  offered: boolean;
  /** In Chinese: why it is offered, or what is missing. */
  reason: string;
}

/**
 * Whether a case offers the transfer to the police: an order to pay (an order or decision stating the wages owed)
 * whose deadline has passed, and arrears still outstanding at or above the province's threshold — one worker owed
 * the individual figure (certain when the average owed reaches it), or 10 or more workers owed the group figure
 * in all. The decision is the inspectors'; the case only says whether the data meet the threshold.
 */
export function policeTransferOffer(input: {
  today: IsoDate;
  /** Orders and decisions to pay: their deadlines (a decision without one counts from its day). */
  ordersToPay: readonly { deadline: IsoDate }[];
  outstandingFen: Fen;
  workersOwed: number;
  threshold: CriminalThreshold;
}): PoliceTransferOffer {
  const { today, outstandingFen, workersOwed, threshold } = input;
  const unheeded = input.ordersToPay.filter((order) => compareDates(order.deadline, today) < 0);
  if (unheeded.length === 0)
    return {
      offered: false,
      reason:
        input.ordersToPay.length === 0
          ? '尚无责令支付工资的限期改正指令或处理决定'
          : '责令支付工资的期限尚未届满',
    };
  if (outstandingFen <= 0) return { offered: false, reason: '逾期后欠薪已全部追回' };
  const groupReached = workersOwed >= CRIMINAL_GROUP_WORKERS && outstandingFen >= threshold.groupFen;
  const individualReached = workersOwed > 0 && outstandingFen >= threshold.individualFen * workersOwed;
  const owed = `尚欠${formatYuan(outstandingFen)}元（${workersOwed}人）`;
  if (groupReached)
    return {
      offered: true,
      reason: `逾期未支付，${owed}，达到拒不支付劳动报酬罪${CRIMINAL_GROUP_WORKERS}人以上${formatYuan(threshold.groupFen)}元的标准，可移送公安机关`,
    };
  if (individualReached)
    return {
      offered: true,
      reason: `逾期未支付，${owed}，人均达到拒不支付劳动报酬罪一名劳动者${formatYuan(threshold.individualFen)}元的标准，可移送公安机关`,
    };
  return {
    offered: false,
    reason: `逾期未支付，但${owed}未达到拒不支付劳动报酬罪的标准（一名劳动者${formatYuan(threshold.individualFen)}元，或${CRIMINAL_GROUP_WORKERS}人以上合计${formatYuan(threshold.groupFen)}元）`,
  };
}
