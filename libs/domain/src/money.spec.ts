import {
  applyBasisPoints,
  applyRate,
  type Fen,
  formatYuan,
  MAX_AMOUNT_FEN,
  MAX_PAY_LINE_FEN,
  parseYuan,
  sumFen,
} from './money';

const MAX_FEN = Number.MAX_SAFE_INTEGER; // 9007199254740991 fen = 90071992547409.91 yuan

describe('parseYuan', () => {
  it.each<[string, Fen]>([
    ['12345.67', 1234567], // 12345 × 100 + 67
    ['0.5', 50], // 0 × 100 + 50: one decimal means tenths of a yuan
    ['0.05', 5],
    ['100', 10000], // 100 × 100
    ['100.0', 10000],
    ['0', 0],
    ['0.00', 0],
    ['100000000000.00', MAX_AMOUNT_FEN], // 1000亿元, the largest amount accepted
  ])('%s yuan → %i fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it.each([
    ['-1', 'never negative'],
    ['-0.5', 'never negative'],
    ['1.234', 'more than two decimal places'],
    ['0.001', 'more than two decimal places'],
    ['abc', 'is not an amount'],
    ['', 'is not an amount'],
    [' 1', 'is not an amount'],
    ['1 ', 'is not an amount'],
    ['1e3', 'is not an amount'],
    ['0x10', 'is not an amount'],
    ['1,000', 'is not an amount'],
    ['+1', 'is not an amount'],
    ['.5', 'is not an amount'],
    ['5.', 'is not an amount'],
    ['１００', 'is not an amount'], // full-width digits
    ['NaN', 'is not an amount'],
    ['Infinity', 'is not an amount'],
    // Found by the attack pass: two pay lines of 2^53 − 1 fen overflowed their sum into a 500.
    ['90071992547409.91', 'too large'], // MAX_SAFE_INTEGER fen
    ['100000000000.01', 'too large'], // MAX_AMOUNT_FEN + 1 fen
    ['007.10', 'leading zero'],
    ['0100', 'leading zero'],
    ['00', 'leading zero'],
    ['99999999999999999999', 'too large'],
  ])('refuses %j', (input, messagePart) => {
    expect(() => parseYuan(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', message: expect.stringContaining(messagePart) }),
    );
  });

  it('refuses what is above the maximum of the field', () => {
    expect(parseYuan('10000000.00', { max: MAX_PAY_LINE_FEN })).toBe(MAX_PAY_LINE_FEN);
    expect(() => parseYuan('10000000.01', { max: MAX_PAY_LINE_FEN })).toThrow(/at most|most this field/);
  });

  it.each([['0'], ['0.00']])('with { positive: true } refuses %j', (input) => {
    expect(() => parseYuan(input, { positive: true })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', message: expect.stringContaining('more than zero') }),
    );
  });

  it('with { positive: true } accepts one fen', () => {
    expect(parseYuan('0.01', { positive: true })).toBe(1);
  });

  it('quotes the input, shortened, so stray characters show', () => {
    expect(() => parseYuan(`1${'0'.repeat(60)}x`)).toThrow(`"1${'0'.repeat(39)}…" is not an amount`);
  });
});

describe('formatYuan', () => {
  it.each<[Fen, string]>([
    [1234567, '12345.67'], // 1234567 = 12345 × 100 + 67
    [10000, '100.00'],
    [50, '0.50'],
    [5, '0.05'],
    [0, '0.00'],
    [-1, '-0.01'],
    [-1234567, '-12345.67'],
    [MAX_FEN, '90071992547409.91'],
  ])('%i fen → %s', (fen, formatted) => {
    expect(formatYuan(fen)).toBe(formatted);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [MAX_FEN + 1]])('refuses %d fen', (fen) => {
    expect(() => formatYuan(fen)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it.each([['12345.67'], ['0.05'], ['100000000000.00']])('gives back what parseYuan read: %s', (input) => {
    expect(formatYuan(parseYuan(input))).toBe(input);
  });
});

describe('sumFen', () => {
  it.each<[string, Fen[], Fen]>([
    ['nothing', [], 0],
    // 1234567 + 50 − 17 = 1234600
    ['credits and a debit', [1234567, 50, -17], 1234600],
    ['up to the largest safe amount', [MAX_FEN - 1, 1], MAX_FEN],
  ])('%s', (_scenario, amounts, total) => {
    expect(sumFen(amounts)).toBe(total);
  });

  it.each<[string, Fen[]]>([
    ['a total beyond the safe range', [MAX_FEN, 1]],
    ['a fraction of a fen', [100, 0.5]],
  ])('refuses %s', (_scenario, amounts) => {
    expect(() => sumFen(amounts)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

describe('applyRate', () => {
  it.each<[string, Fen, number, number, Fen]>([
    // 1234567891 × 2 / 100 = 24691357.82 → 24691358
    ['2% of ¥12,345,678.91', 1234567891, 2, 100, 24691358],
    // 250 × 1 / 100 = 2.5 → 3: a half rounds up
    ['a half', 250, 1, 100, 3],
    // 249 × 1 / 100 = 2.49 → 2
    ['just under a half', 249, 1, 100, 2],
    // −250 × 1 / 100 = −2.5 → −3: a half rounds away from zero (四舍五入)
    ['a negative half', -250, 1, 100, -3],
    // 100 × 1 / 3 = 33.33… → 33
    ['a third', 100, 1, 3, 33],
    // 200 × 1 / 3 = 66.66… → 67
    ['two thirds', 200, 1, 3, 67],
    ['zero', 0, 5, 7, 0],
    ['the whole', MAX_FEN, 1, 1, MAX_FEN],
    // 9007199254740991 × 3 = 27021597764222973, beyond 2^53 but exact in integers; / 100 = 270215977642229.73
    ['a product beyond the safe range', MAX_FEN, 3, 100, 270215977642230],
  ])('%s: %i × %i / %i → %i', (_scenario, fen, numerator, denominator, result) => {
    expect(applyRate(fen, numerator, denominator)).toBe(result);
  });

  it.each<[string, Fen, number, number, string]>([
    ['a zero denominator', 100, 1, 0, 'INVALID_ARGUMENT'],
    ['a negative numerator', 100, -1, 100, 'INVALID_ARGUMENT'],
    ['a fractional numerator', 100, 0.5, 100, 'INVALID_ARGUMENT'],
    ['a fraction of a fen', 1.5, 1, 1, 'INVALID_AMOUNT'],
    ['a result beyond the safe range', MAX_FEN, 2, 1, 'INVALID_AMOUNT'],
  ])('refuses %s', (_scenario, fen, numerator, denominator, code) => {
    expect(() => applyRate(fen, numerator, denominator)).toThrow(expect.objectContaining({ code }));
  });
});

describe('applyBasisPoints', () => {
  // Required deposit on a ¥12,345,678.91 contract (1234567891 fen) at the default 2% (200 bp) and its adjustments.
  it.each<[string, number, Fen]>([
    // 1234567891 × 200 / 10000 = 24691357.82 → 24691358
    ['2%', 200, 24691358],
    // 2% × 1.5 = 300 bp: 1234567891 × 300 / 10000 = 37037036.73 → 37037037
    ['2% after an arrears alert (× 1.5)', 300, 37037037],
    // 2% × 0.5 = 100 bp: 1234567891 × 100 / 10000 = 12345678.91 → 12345679
    ['2% for a clean record (× 0.5)', 100, 12345679],
    // 2% × 2.0 = 400 bp: 1234567891 × 400 / 10000 = 49382715.64 → 49382716
    ['2% for a blacklisted contractor (× 2.0)', 400, 49382716],
  ])('%s', (_scenario, basisPoints, deposit) => {
    expect(applyBasisPoints(1234567891, basisPoints)).toBe(deposit);
  });
});
