import { HttpStatus } from '@nestjs/common';

import type { RowError } from '../use-cases/use-case-error';

/**
 * A transport's refusal (guards, controllers, body limits): an HTTP status and the contract's code. Use cases throw
 * `UseCaseError` instead, which `http/use-case-answers.ts` maps to a status.
 *
 * An answer other than success, in the contract's shape `{ error, message, details }`. Messages say what was wrong
 * and how to fix it; they never contain an identity or card number.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static badRequest(message: string, details: unknown[] = []): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', message, details);
  }
  static unauthorized(message = 'a valid Authorization: Bearer <token> header is required'): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', message);
  }
  static forbidden(message: string): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }
  static notFound(message: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', message);
  }
  static conflict(code: string, message: string, details: unknown[] = []): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, details);
  }
  /** A batch with any invalid row: nothing of it was stored. */
  static invalidRows(rowErrors: RowError[], rows: number): ApiError {
    const n = rowErrors.length;
    return new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'INVALID_ROWS',
      `${n} problem${n === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was stored. Fix the rows listed in details and send the whole batch again.`,
      rowErrors,
    );
  }
  static batchTooLarge(rows: number, cap: number): ApiError {
    return new ApiError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'BATCH_TOO_LARGE',
      `a batch may hold at most ${cap} rows; this one has ${rows}. Split it into batches of ${cap} or fewer.`,
    );
  }
}
