import { metricShare, percentWithOneDecimal } from './coverage-arithmetic';

describe('percentWithOneDecimal', () => {
  it.each([
    // count, of, pct — the arithmetic in the comment
    [106, 113, 93.8], // 93.805… → 93.8
    [113, 113, 100], // all of them
    [0, 113, 0],
    [1, 3, 33.3], // 33.333… → 33.3
    [2, 3, 66.7], // 66.666… → 66.7
    [1, 8, 12.5], // exactly 12.5
    [1, 16, 6.3], // 6.25 → 6.3: half rounds up, where float toFixed(1) gives 6.3 only by luck
    [1, 80, 1.3], // 1.25 → 1.3 (1.25.toFixed(1) is "1.3", but 1.005-style cases drift in floats)
    [1, 2000, 0.1], // 0.05 → 0.1
    [1, 2001, 0], // 0.0499… → 0.0
    [9_999, 10_000, 100], // 99.99 → 100.0
    [9_994, 10_000, 99.9], // 99.94 → 99.9
  ])('%i of %i is %d', (count, of, pct) => {
    expect(percentWithOneDecimal(count, of)).toBe(pct);
  });

  it('has no percentage when the metric applies to no project', () => {
    expect(percentWithOneDecimal(0, 0)).toBeNull();
    expect(metricShare(0, 0)).toEqual({ count: 0, of: 0, pct: null });
  });

  it.each([
    [5, 4],
    [-1, 4],
    [1.5, 4],
  ])('refuses %d of %d', (count, of) => {
    expect(() => percentWithOneDecimal(count, of)).toThrow(RangeError);
  });

  it('prints the one decimal exactly', () => {
    expect(JSON.stringify(metricShare(106, 113))).toBe('{"count":106,"of":113,"pct":93.8}');
  });
});
