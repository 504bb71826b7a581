import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import {
  IDEMPOTENCY_KEY_HEADER,
  OutboxRelayService,
  describePrincipal,
  withIdempotency,
  type IdempotentAnswer,
  type Principal,
  type Written,
} from '@wage/platform';
import { database } from '../database';

/** Who sent which request, and its `Idempotency-Key` (if any) with the body it covers. */
export interface BatchRequest {
  principal: Principal;
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** What the key's fingerprint is taken over: the JSON body, or an uploaded file's bytes. */
  body: unknown;
}

export function batchRequest(principal: Principal, request: Request, body: unknown): BatchRequest {
  return {
    principal,
    method: request.method,
    path: request.path,
    idempotencyKey: request.header(IDEMPOTENCY_KEY_HEADER),
    body,
  };
}

/**
 * Runs a batch write in one transaction together with its `Idempotency-Key`, so the rows, their outbox events and
 * the stored answer commit or roll back as one; then wakes the relay so the events go out at once.
 */
@Injectable()
export class IdempotentTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async run<T>(
    request: BatchRequest,
    work: (manager: EntityManager) => Promise<Written<T>>,
  ): Promise<IdempotentAnswer<T>> {
    // A key belongs to one caller and one endpoint: another project's identical key is a different request.
    const scope = `${describePrincipal(request.principal)} ${request.method} ${request.path}`;
    const answer = await this.dataSource.transaction((manager) =>
      withIdempotency<T>(
        manager,
        database.schema,
        { scope, key: request.idempotencyKey, body: request.body },
        () => work(manager),
      ),
    );
    if (!answer.replayed) this.outboxRelay.relay.wake();
    return answer;
  }
}
