import type { Response } from 'express';
import { OUTCOME_STATUS, type IdempotentAnswer } from '@wage/platform';

/** Sends an idempotent answer's status; a replay is marked so a client can tell it from a fresh write. */
export function sendAnswer<T>(response: Response, answer: IdempotentAnswer<T>): T {
  response.status(OUTCOME_STATUS[answer.outcome]);
  if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
