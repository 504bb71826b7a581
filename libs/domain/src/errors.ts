/** The codes of the domain's errors; they are part of the API contract, so add to them but never rename. */
export type DomainErrorCode =
  | 'INVALID_ID_NUMBER'
  | 'INVALID_CREDIT_CODE'
  | 'INVALID_AMOUNT'
  | 'INVALID_REGION_CODE'
  | 'INVALID_MONTH'
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_RANGE'
  | 'INVALID_ARGUMENT';

/**
 * Input that breaks a rule of the domain. The transport's exception filter maps `code` to its answer;
 * the message says what was wrong and how to put it right, and never repeats an identity or card number.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The outcome of checking a value, for callers that collect problems (a CSV upload) rather than throw. */
export type Validation<T> = { ok: true; value: T } | { ok: false; code: DomainErrorCode; message: string };

export function valueOrThrow<T>(validation: Validation<T>): T {
  if (!validation.ok) throw new DomainError(validation.code, validation.message);
  return validation.value;
}
