import { DomainError, type Validation, valueOrThrow } from './errors';

/** 统一社会信用代码 (GB 32100) as read from a valid code. */
export interface CreditCode {
  normalized: string;
  /** Characters 3–8: the 行政区划代码 of the registering authority (GB/T 2260). */
  regionCode: string;
}

// GB 32100 leaves out I, O, Z, S and V, which read like 1, 0, 2, 5 and U; a character's value is its index.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_PATTERN = new RegExp(`^[${CHARSET}]{2}\\d{6}[${CHARSET}]{10}$`);
const FIRST_17_PATTERN = new RegExp(`^[${CHARSET}]{17}$`);

/** The 18th character for the first 17; for building valid codes in tests and the simulator. */
export function creditCodeCheckChar(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) {
    throw new DomainError(
      'INVALID_CREDIT_CODE',
      `The check character is computed from 17 characters of ${CHARSET}; got "${first17}".`,
    );
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * CHARSET.indexOf(first17[i]), 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Credit codes are public registration data, so messages may quote them. */
export function validateCreditCode(input: string): Validation<CreditCode> {
  const normalized = input.toUpperCase();
  if (!CREDIT_CODE_PATTERN.test(normalized)) {
    return invalid(
      `"${input}" is not a credit code: it has 18 characters of digits and capital letters except I, O, Z, S ` +
        'and V, with digits in positions 3–8; copy it again from the business licence.',
    );
  }
  if (creditCodeCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return invalid(
      `The last character of credit code "${input}" does not match the first 17; one of them was probably mistyped.`,
    );
  }
  return { ok: true, value: { normalized, regionCode: normalized.slice(2, 8) } };
}

export function parseCreditCode(input: string): CreditCode {
  return valueOrThrow(validateCreditCode(input));
}

function invalid(message: string): Validation<never> {
  return { ok: false, code: 'INVALID_CREDIT_CODE', message };
}
