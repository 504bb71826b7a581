import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Outcome, RefusalKind, Written } from '../use-cases/use-case-error';

/** The HTTP status of each kind of refusal: exhaustive, so a new kind without a status fails the build. */
export const REFUSAL_STATUS: Readonly<Record<RefusalKind, HttpStatus>> = {
  INVALID: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  UNPROCESSABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The HTTP status of each outcome of a write. */
export const OUTCOME_STATUS: Readonly<Record<Outcome, HttpStatus>> = {
  DONE: HttpStatus.OK,
  CREATED: HttpStatus.CREATED,
  PENDING: HttpStatus.ACCEPTED,
};

/** The outcome an earlier answer's stored status stands for (an idempotent replay). */
export function outcomeOfStatus(status: number): Outcome {
  const found = (Object.keys(OUTCOME_STATUS) as Outcome[]).find((o) => OUTCOME_STATUS[o] === status);
  if (found === undefined) throw new Error(`no outcome answers with status ${status}`);
  return found;
}

/**
 * Sends a write's answer: the outcome's status, and `Idempotent-Replayed: true` when it is the stored answer to an
 * earlier request with the same key.
 */
export function sendWritten<T>(response: Response, answer: Written<T> & { replayed?: boolean }): T {
  response.status(OUTCOME_STATUS[answer.outcome]);
  if (answer.replayed === true) response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
