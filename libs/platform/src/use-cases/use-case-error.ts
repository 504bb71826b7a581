/**
 * What kind of refusal a use case gives. Each transport maps every kind to its own answer (HTTP: a status, see
 * `http/use-case-answers.ts`); a kind added here without a mapping there fails the build.
 */
export type RefusalKind =
  /** The request itself is wrong: a field, a combination, a date. */
  | 'INVALID'
  /** Nobody is signed in, or the credentials are wrong. */
  | 'UNAUTHENTICATED'
  /** The caller is known but may not do this. */
  | 'FORBIDDEN'
  /** No such thing, or not one the caller may see. */
  | 'NOT_FOUND'
  /** It clashes with what is already stored: a duplicate, a state that does not allow it. */
  | 'CONFLICT'
  /** Well formed but breaks a rule of the data, e.g. rows of a batch. */
  | 'UNPROCESSABLE'
  /** More than the use case accepts at once. */
  | 'TOO_LARGE'
  /** A file of a kind the use case does not take (a photo that is not JPEG, PNG or WebP). */
  | 'UNSUPPORTED_TYPE'
  /** Too many attempts; try again later. */
  | 'RATE_LIMITED'
  /** A service this one depends on did not answer; try again shortly. */
  | 'UNAVAILABLE';

/** One problem in one row of a batch: `{ index, field, code, message }` as in the public contract. */
export interface RowError {
  index: number;
  field: string;
  code: string;
  message: string;
}

/**
 * A use case's refusal: a kind, a stable code the API answers as `error`, and a message that says what was wrong
 * and how to put it right, never an identity or card number. Use cases throw this, never a transport's error.
 */
export class UseCaseError extends Error {
  override readonly name = 'UseCaseError';

  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }

  static invalid(message: string, details: unknown[] = []): UseCaseError {
    return new UseCaseError('INVALID', 'BAD_REQUEST', message, details);
  }
  static unauthenticated(message: string): UseCaseError {
    return new UseCaseError('UNAUTHENTICATED', 'UNAUTHORIZED', message);
  }
  static forbidden(message: string): UseCaseError {
    return new UseCaseError('FORBIDDEN', 'FORBIDDEN', message);
  }
  static notFound(message: string): UseCaseError {
    return new UseCaseError('NOT_FOUND', 'NOT_FOUND', message);
  }
  static conflict(code: string, message: string, details: unknown[] = []): UseCaseError {
    return new UseCaseError('CONFLICT', code, message, details);
  }
  static unprocessable(code: string, message: string, details: unknown[] = []): UseCaseError {
    return new UseCaseError('UNPROCESSABLE', code, message, details);
  }
  static unavailable(code: string, message: string): UseCaseError {
    return new UseCaseError('UNAVAILABLE', code, message);
  }
  static rateLimited(code: string, message: string): UseCaseError {
    return new UseCaseError('RATE_LIMITED', code, message);
  }
  /** A batch with any invalid row: nothing of it was stored. */
  static invalidRows(rowErrors: RowError[], rows: number): UseCaseError {
    const n = rowErrors.length;
    return new UseCaseError(
      'UNPROCESSABLE',
      'INVALID_ROWS',
      `${n} problem${n === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was stored. Fix the rows listed in details and send the whole batch again.`,
      rowErrors,
    );
  }
  static batchTooLarge(rows: number, cap: number): UseCaseError {
    return new UseCaseError(
      'TOO_LARGE',
      'BATCH_TOO_LARGE',
      `a batch may hold at most ${cap} rows; this one has ${rows}. Split it into batches of ${cap} or fewer.`,
    );
  }
}

/**
 * What a write did, for the transport to answer: DONE (changed or found unchanged), CREATED (a new record), or
 * PENDING (accepted, waiting for someone's decision, e.g. a project's request an inspector must approve).
 */
export type Outcome = 'DONE' | 'CREATED' | 'PENDING';

/** A write's outcome with the answer's body. */
export interface Written<T> {
  outcome: Outcome;
  body: T;
}
