import { type CreditCode, creditCodeCheckChar, parseCreditCode, validateCreditCode } from './credit-code';

// A character's value is its index in 0123456789ABCDEFGHJKLMNPQRTUWXY (A = 10, G = 16, Y = 30);
// S = Σ value × weight, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28;
// the check character is the one whose value is (31 − S mod 31) mod 31.
describe('creditCodeCheckChar', () => {
  it.each([
    // 9·1+1·3+4·9+4·27+0·19+3·26+0·16+0·17+1·20+9·29+2·25+2·13+0·8+3·24+8·10+2·30+1·28 = 831;
    // 831 mod 31 = 25; 31 − 25 = 6 → '6'
    ['91440300192203821', '6'],
    // S = 1782; 1782 mod 31 = 15; 31 − 15 = 16 → 'G'
    ['9144030071526726X', 'G'],
    // S = 884; 884 mod 31 = 16; 31 − 16 = 15 → 'F'
    ['91330100716105852', 'F'],
    // S = 1458; 1458 mod 31 = 1; 31 − 1 = 30 → 'Y'
    ['913502066MA300004', 'Y'],
    // S = 2046 = 66 × 31; (31 − 0) mod 31 = 0 → '0'
    ['913502066MA30000R', '0'],
  ])('%s → %s', (first17, checkChar) => {
    expect(creditCodeCheckChar(first17)).toBe(checkChar);
  });

  it.each([
    ['16 characters', '9144030019220382'],
    ['a letter GB 32100 leaves out (I)', '9144030019220382I'],
    ['lower case', '9144030071526726x'],
  ])('refuses %s', (_scenario, first17) => {
    expect(() => creditCodeCheckChar(first17)).toThrow(
      expect.objectContaining({ code: 'INVALID_CREDIT_CODE' }),
    );
  });
});

describe('validateCreditCode', () => {
  it.each<[string, string, CreditCode]>([
    [
      'a code ending in a digit',
      '914403001922038216',
      { normalized: '914403001922038216', regionCode: '440300' },
    ],
    [
      'a code ending in a letter',
      '9144030071526726XG',
      { normalized: '9144030071526726XG', regionCode: '440300' },
    ],
    [
      'a code in lower case, normalised',
      '9144030071526726xg',
      { normalized: '9144030071526726XG', regionCode: '440300' },
    ],
    ['a check character 0', '913502066MA30000R0', { normalized: '913502066MA30000R0', regionCode: '350206' }],
  ])('accepts %s', (_scenario, input, expected) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['an empty string', '', 'is not a credit code'],
    ['17 characters', '91440300192203821', 'is not a credit code'],
    ['19 characters', '9144030019220382160', 'is not a credit code'],
    ['I (reads like 1)', '91440300192203821I', 'is not a credit code'],
    ['O (reads like 0)', '9144030071526726XO', 'is not a credit code'],
    ['Z (reads like 2)', '9144030071526726XZ', 'is not a credit code'],
    ['S (reads like 5)', '9144030071526726XS', 'is not a credit code'],
    ['V (reads like U)', '9144030071526726XV', 'is not a credit code'],
    ['a letter in the region code (positions 3–8)', '91A403001922038216', 'is not a credit code'],
    ['a space', '91440300192203821 ', 'is not a credit code'],
    // the check character of 91440300192203821 is 6, not 7
    ['a wrong check character', '914403001922038217', 'does not match the first 17'],
  ])('refuses %s', (_scenario, input, messagePart) => {
    expect(validateCreditCode(input)).toEqual({
      ok: false,
      code: 'INVALID_CREDIT_CODE',
      message: expect.stringContaining(messagePart),
    });
  });
});

describe('parseCreditCode', () => {
  it('returns the parsed code', () => {
    expect(parseCreditCode('91330100716105852f')).toEqual({
      normalized: '91330100716105852F',
      regionCode: '330100',
    });
  });

  it('throws a DomainError with code INVALID_CREDIT_CODE', () => {
    expect(() => parseCreditCode('914403001922038217')).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'INVALID_CREDIT_CODE' }),
    );
  });
});
