import { DomainError, type Validation, valueOrThrow } from './errors';
import { type IsoDate, isIsoDate, parseIsoDate } from './month';

/** 公民身份号码 (GB 11643) as read from a valid number. */
export interface IdentityNumber {
  /** Upper-case X as the check character: the form stored, matched and blind-indexed. */
  normalized: string;
  birthDate: IsoDate;
  sex: 'M' | 'F';
  /** 行政区划代码 of the registering office (GB/T 2260); it may no longer exist, so it is not checked. */
  regionCode: string;
}

const IDENTITY_NUMBER_PATTERN = /^\d{17}[\dX]$/;

/** The provinces of GB/T 2260 (and 71 Taiwan, 81 Hong Kong, 82 Macao, 83 residence permits for them). */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);
// ISO 7064 MOD 11-2: the weight of position i (from the left) is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Indexed by the weighted sum mod 11; the check makes the full weighted sum ≡ 1 (mod 11).
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The 18th character for the first 17 digits; for building valid numbers in tests and the simulator. */
export function identityCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new DomainError(
      'INVALID_ID_NUMBER',
      'The check digit is computed from exactly 17 digits; pass the identity number without its last character.',
    );
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Checks an 18-character identity number. `today` (the Shanghai date now) bounds the birth date. Messages
 * never repeat the number, since they end up in logs.
 */
export function validateIdentityNumber(input: string, today: IsoDate): Validation<IdentityNumber> {
  const normalized = input.toUpperCase();
  if (!IDENTITY_NUMBER_PATTERN.test(normalized)) {
    return invalid(
      `An identity number is 17 digits followed by a digit or X (got ${input.length} characters); ` +
        'check for missing, extra or non-digit characters.',
    );
  }
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) {
    return invalid(
      'An identity number starts with the code of the region that issued it, and its first two digits are no ' +
        'province of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83); check the first digits.',
    );
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) {
    return invalid(
      'Characters 7–14 of an identity number are the birth date YYYYMMDD, and these do not form a real date.',
    );
  }
  if (birthDate < EARLIEST_BIRTH_DATE || birthDate > parseIsoDate(today)) {
    return invalid(
      `The birth date in an identity number (characters 7–14) must lie between ${EARLIEST_BIRTH_DATE} and today.`,
    );
  }
  if (identityCheckDigit(normalized.slice(0, 17)) !== normalized[17]) {
    return invalid(
      'The last character of the identity number does not match the first 17; one of them was probably mistyped.',
    );
  }
  return {
    ok: true,
    value: {
      normalized,
      birthDate,
      // The 17th digit is the sequence number's last: odd for men, even for women.
      sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
      regionCode: normalized.slice(0, 6),
    },
  };
}

export function parseIdentityNumber(input: string, today: IsoDate): IdentityNumber {
  return valueOrThrow(validateIdentityNumber(input, today));
}

/** Age in whole years (周岁) on `date`: it goes up on the birthday; a 29 February birthday counts on 1 March. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(date) || date < birthDate) {
    throw new DomainError(
      'INVALID_DATE',
      'Age needs two real dates YYYY-MM-DD, and the birth date must not be after the date the age is for.',
    );
  }
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function invalid(message: string): Validation<never> {
  return { ok: false, code: 'INVALID_ID_NUMBER', message };
}
