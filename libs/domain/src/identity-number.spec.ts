import { DomainError } from './errors';
import {
  ageOn,
  type IdentityNumber,
  identityCheckDigit,
  parseIdentityNumber,
  validateIdentityNumber,
} from './identity-number';

const TODAY = '2026-11-21';

describe('identityCheckDigit', () => {
  // ISO 7064 MOD 11-2: S = Σ digit × weight, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
  // the check character is '10X98765432'[S mod 11].
  it.each([
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    ['11010519491231002', 'X'],
    // S = 195; 195 mod 11 = 8 → '4'
    ['44052418800101001', '4'],
    // S = 201; 201 mod 11 = 3 → '9'
    ['35020619900101123', '9'],
    // S = 253; 253 mod 11 = 0 → '1'
    ['35020618991231001', '1'],
    // S = 177; 177 mod 11 = 1 → '0'
    ['35020620261121001', '0'],
  ])('%s → %s', (first17, checkDigit) => {
    expect(identityCheckDigit(first17)).toBe(checkDigit);
  });

  it.each([
    ['16 digits', '1101051949123100'],
    ['a full 18-character number', '11010519491231002X'],
    ['a letter among the digits', '1101051949123100A'],
  ])('refuses %s', (_scenario, first17) => {
    expect(() => identityCheckDigit(first17)).toThrow(expect.objectContaining({ code: 'INVALID_ID_NUMBER' }));
  });
});

describe('validateIdentityNumber', () => {
  it.each<[string, string, IdentityNumber]>([
    [
      'the GB 11643 example, X as check character; 17th digit 2 is even → F',
      '11010519491231002X',
      { normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', regionCode: '110105' },
    ],
    [
      'a lower-case x, normalised to X',
      '11010519491231002x',
      { normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', regionCode: '110105' },
    ],
    [
      '17th digit 3 is odd → M',
      '350206199001011239',
      { normalized: '350206199001011239', birthDate: '1990-01-01', sex: 'M', regionCode: '350206' },
    ],
    [
      'born on 29 February of a leap year (2000 is divisible by 400)',
      '110105200002290013',
      { normalized: '110105200002290013', birthDate: '2000-02-29', sex: 'M', regionCode: '110105' },
    ],
    [
      'born on the earliest date accepted',
      '350206190001010016',
      { normalized: '350206190001010016', birthDate: '1900-01-01', sex: 'M', regionCode: '350206' },
    ],
    [
      'born today',
      '350206202611210010',
      { normalized: '350206202611210010', birthDate: TODAY, sex: 'M', regionCode: '350206' },
    ],
  ])('accepts %s', (_scenario, input, expected) => {
    expect(validateIdentityNumber(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['an empty string', '', 'got 0 characters'],
    ['17 characters', '35020619900101123', 'got 17 characters'],
    ['19 characters', '3502061990010112390', 'got 19 characters'],
    ['a leading space', ' 350206199001011239', 'got 19 characters'],
    ['a space inside', '350206 99001011239', '17 digits followed by a digit or X'],
    ['X anywhere but last', '3502061990010112X9', '17 digits followed by a digit or X'],
    ['another letter as check character', '11010519491231002Y', '17 digits followed by a digit or X'],
    ['a region code starting with 0', '010105194912310026', 'no province of GB/T 2260'],
    // a correct check digit, but 99 is no province
    ['a region that does not exist', '999999199001011238', 'no province of GB/T 2260'],
    ['month 13 in the birth date', '350206199013011234', 'not form a real date'],
    ['29 February 1900 (1900 is not a leap year)', '110105190002290017', 'not form a real date'],
    ['born in 1899', '350206189912310011', 'between 1900-01-01 and today'],
    ['born in 1880', '440524188001010014', 'between 1900-01-01 and today'],
    ['born tomorrow', '350206202611220016', 'between 1900-01-01 and today'],
    // the check digit of 35020619900101123 is 9, not 8
    ['a wrong check digit', '350206199001011238', 'does not match the first 17'],
  ])('refuses %s', (_scenario, input, messagePart) => {
    const result = validateIdentityNumber(input, TODAY);

    expect(result).toEqual({
      ok: false,
      code: 'INVALID_ID_NUMBER',
      message: expect.stringContaining(messagePart),
    });
  });

  it.each(['350206199001011238', '350206202611220016', '110105190002290017'])(
    'never quotes the digits of %s in its message, since messages reach logs',
    (input) => {
      expect(JSON.stringify(validateIdentityNumber(input, TODAY))).not.toMatch(/\d{8}/);
    },
  );
});

describe('parseIdentityNumber', () => {
  it('returns the parsed number', () => {
    expect(parseIdentityNumber('11010519491231002x', TODAY).normalized).toBe('11010519491231002X');
  });

  it('throws a DomainError with code INVALID_ID_NUMBER', () => {
    expect(() => parseIdentityNumber('350206199001011238', TODAY)).toThrow(DomainError);
    expect(() => parseIdentityNumber('350206199001011238', TODAY)).toThrow(
      expect.objectContaining({ code: 'INVALID_ID_NUMBER' }),
    );
  });
});

describe('ageOn', () => {
  it.each([
    // 2026 − 1990 = 36, less one: the birthday (06-15) is still to come
    ['1990-06-15', '2026-06-14', 35],
    // 2026 − 1990 = 36 on the birthday itself
    ['1990-06-15', '2026-06-15', 36],
    // 2026 − 2010 = 16: turns 16 on the day
    ['2010-11-21', '2026-11-21', 16],
    // 2026 − 2000 = 26, less one: 02-28 comes before 02-29
    ['2000-02-29', '2026-02-28', 25],
    // 2026 − 2000 = 26: in a common year a leap-day birthday is passed on 1 March
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2028-02-29', 28],
    ['2026-11-21', '2026-11-21', 0],
    // 2026 − 2025 = 1, less one: 01-01 comes before 12-31
    ['2025-12-31', '2026-01-01', 0],
  ])('born %s, on %s → %i', (birthDate, date, age) => {
    expect(ageOn(birthDate, date)).toBe(age);
  });

  it.each([
    ['the date before the birth date', '2000-01-02', '2000-01-01'],
    ['an impossible birth date', '2001-02-29', '2026-01-01'],
    ['a date in another format', '2000-01-01', '20260101'],
  ])('refuses %s', (_scenario, birthDate, date) => {
    expect(() => ageOn(birthDate, date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
