import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { UseCaseError, type Written } from '../use-cases/use-case-error';
import { OUTCOME_STATUS, outcomeOfStatus } from './use-case-answers';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export interface IdempotentAnswer<T> extends Written<T> {
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** A fingerprint of a request body: the same body gives the same fingerprint. */
export function fingerprint(body: unknown): string {
  return createHash('sha256')
    .update(Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Runs `work` at most once per (scope, key) — call it inside the transaction that stores the work, so the key and
 * the work commit or roll back together. A repeat with the same key and body gets the first answer; the same key
 * with a different body is a 409. A concurrent repeat waits on the key's row and then gets the first answer.
 * Without a key, `work` simply runs.
 */
export async function withIdempotency<T>(
  manager: EntityManager,
  schema: string,
  request: { scope: string; key: string | undefined; body: unknown },
  work: () => Promise<Written<T>>,
): Promise<IdempotentAnswer<T>> {
  if (request.key === undefined) return { ...(await work()), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(request.key)) {
    throw UseCaseError.invalid('the Idempotency-Key header must be 1–200 visible ASCII characters');
  }
  const requestHash = fingerprint(request.body);
  const claimed: unknown[] = await manager.query(
    `INSERT INTO "${schema}".idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [request.scope, request.key, requestHash],
  );
  if (claimed.length === 0) {
    const [earlier] = await manager.query(
      `SELECT request_hash, response_status, response_body FROM "${schema}".idempotency_keys WHERE scope = $1 AND key = $2`,
      [request.scope, request.key],
    );
    if (earlier.request_hash !== requestHash) {
      throw UseCaseError.conflict(
        'IDEMPOTENCY_KEY_REUSED',
        `the Idempotency-Key "${request.key}" was already used for a different request body; use a new key for a new request`,
      );
    }
    return {
      outcome: outcomeOfStatus(earlier.response_status),
      body: earlier.response_body as T,
      replayed: true,
    };
  }
  const answer = await work();
  await manager.query(
    `UPDATE "${schema}".idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
    [request.scope, request.key, OUTCOME_STATUS[answer.outcome], JSON.stringify(answer.body)],
  );
  return { ...answer, replayed: false };
}
