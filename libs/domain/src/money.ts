import { DomainError } from './errors';

/** Money in CNY as whole fen (分, 1 yuan = 100 fen): always a safe integer, never a float. */
export type Fen = number;

export interface ParseYuanOptions {
  /** Refuse zero, e.g. for a payment; amounts are never negative either way. */
  positive?: boolean;
  /** The largest amount accepted, in fen; MAX_AMOUNT_FEN when absent. */
  max?: Fen;
}

/**
 * The largest amount any field accepts: 1000亿元 (100,000,000,000.00 yuan), beyond any construction contract. Far
 * below 2^53 fen, so the sums the platform makes of such amounts (a balance, a district's total) stay exact.
 */
export const MAX_AMOUNT_FEN: Fen = 10_000_000_000_000;

/** The largest gross or net pay of one worker for one month, 1000万元: 10,000 lines of it sum to MAX_AMOUNT_FEN. */
export const MAX_PAY_LINE_FEN: Fen = 1_000_000_000;

/**
 * The most a dedicated account's credits, or its debits, may total over its life: 1万亿元, ten times MAX_AMOUNT_FEN
 * (the wages a project pays never exceed its contract). Its balance and every sum of its transactions (a month's
 * appropriations, the debits diverted) stay exact, and so do the sums of up to 90 such totals.
 */
export const MAX_ACCOUNT_TOTAL_FEN: Fen = 100_000_000_000_000;

// No leading zeros ("007.10", "0100"): a bank or payroll system that sends them has mis-formatted the field.
const YUAN_PATTERN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);
const BASIS_POINTS_PER_UNIT = 10_000;

/**
 * Reads an API amount, a decimal string in yuan with at most two decimals ("12345.67", "0.5", "100"), as fen.
 * Only digits and a point are accepted: no sign, spaces, exponent, hex or thousands separators.
 */
export function parseYuan(input: string, options: ParseYuanOptions = {}): Fen {
  const match = YUAN_PATTERN.exec(input);
  if (!match) throw new DomainError('INVALID_AMOUNT', describeMalformedYuan(input));
  const [, yuan, fraction = ''] = match;
  const fen = BigInt(yuan) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (options.positive && fen === 0n) {
    throw new DomainError('INVALID_AMOUNT', `The amount must be more than zero; got ${quote(input)}.`);
  }
  const max = options.max ?? MAX_AMOUNT_FEN;
  if (fen > BigInt(max)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `${quote(input)} is too large: the most this field accepts is ${formatYuan(max)} yuan.`,
    );
  }
  return toFen(fen);
}

/** '12345.67' for 1234567 fen: always two decimals, a leading '-' when negative. */
export function formatYuan(fen: Fen): string {
  const digits = String(Math.abs(checkedFen(fen))).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return amounts.reduce((total: Fen, amount) => checkedFen(total + checkedFen(amount)), 0);
}

/**
 * fen × numerator ÷ denominator, rounded half away from zero (四舍五入) to whole fen and computed exactly in
 * integers, so a rate never passes through a float: 2% is 2/100, 2% × 1.5 is 3/100.
 */
export function applyRate(fen: Fen, numerator: number, denominator: number): Fen {
  if (
    !Number.isSafeInteger(numerator) ||
    numerator < 0 ||
    !Number.isSafeInteger(denominator) ||
    denominator < 1
  ) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `A rate is a whole numerator of at least 0 over a whole denominator of at least 1; got ${numerator}/${denominator}.`,
    );
  }
  const exact = BigInt(Math.abs(checkedFen(fen))) * BigInt(numerator);
  const divisor = BigInt(denominator);
  // floor(exact / divisor + 1/2), in integers.
  const rounded = (2n * exact + divisor) / (2n * divisor);
  return toFen(fen < 0 ? -rounded : rounded);
}

/** A rate in basis points (万分之一): 200 is 2%. Rounded like `applyRate`. */
export function applyBasisPoints(fen: Fen, basisPoints: number): Fen {
  return applyRate(fen, basisPoints, BASIS_POINTS_PER_UNIT);
}

function describeMalformedYuan(input: string): string {
  if (/^-\d+(\.\d+)?$/.test(input)) {
    return `Amounts are never negative; got ${quote(input)}. Give the amount in yuan without a sign, e.g. "12345.67".`;
  }
  if (/^0\d/.test(input)) {
    return `${quote(input)} has a leading zero; write the amount without it, e.g. "7.10" or "0.50".`;
  }
  if (/^\d+\.\d{3,}$/.test(input)) {
    return `${quote(input)} has more than two decimal places; give the amount in yuan to the fen, e.g. "12345.67".`;
  }
  return `${quote(input)} is not an amount; write yuan as digits with at most two decimals, e.g. "12345.67" or "0.5".`;
}

function checkedFen(fen: Fen): Fen {
  if (!Number.isSafeInteger(fen)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `${fen} is not a whole number of fen within the safe integer range.`,
    );
  }
  return fen;
}

function toFen(fen: bigint): Fen {
  if (fen > MAX_FEN || fen < -MAX_FEN) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `The amount is too large to hold exactly; it must stay within ${formatYuan(Number.MAX_SAFE_INTEGER)} yuan.`,
    );
  }
  return Number(fen);
}

/** JSON quoting shows stray spaces; long input is cut so a message stays readable. */
function quote(input: string): string {
  return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
}
