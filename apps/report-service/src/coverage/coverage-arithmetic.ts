/** One coverage metric: `count` projects of the `of` it applies to, and the share as a percentage. */
export interface MetricShare {
  count: number;
  of: number;
  /**
   * One decimal, rounded half up (106 of 113 is 93.8); null when the metric applies to no project, or while it
   * is pending.
   */
  pct: number | null;
  /** A payment metric before the month's wages fall due: the last day they may still be paid. */
  pendingUntil?: string;
}

/**
 * count ÷ of as a percentage with one decimal, computed in integers so that no float rounding can move a
 * figure leaders compare across regions: tenths = floor((2·1000·count + of) / (2·of)), i.e. 1000·count/of
 * rounded half up. Only the final division by ten is a float, and a number of tenths prints exactly.
 */
export function percentWithOneDecimal(count: number, of: number): number | null {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(of) || count < 0 || of < 0 || count > of) {
    throw new RangeError(`a share needs whole numbers 0 ≤ count ≤ of; got ${count} of ${of}`);
  }
  if (of === 0) return null;
  const tenths = (2n * 1000n * BigInt(count) + BigInt(of)) / (2n * BigInt(of));
  return Number(tenths) / 10;
}

export function metricShare(count: number, of: number): MetricShare {
  return { count, of, pct: percentWithOneDecimal(count, of) };
}
