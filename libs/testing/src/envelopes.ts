import { randomUUID } from 'node:crypto';
import type { EventContract, EventData, EventOf } from '@wage/contracts';

/**
 * An event as the publishing service would write it, built from its contract in libs/contracts: the type and
 * schema version come from the contract, and the payload is checked against the contract's schema first, so a
 * test never feeds a consumer an event no service could publish.
 */
export function eventEnvelope<C extends EventContract>(
  contract: C,
  projectCode: string,
  data: EventData<C>,
  options: { id?: string; occurredAt?: string } = {},
): EventOf<C> {
  const checked = contract.schema.safeParse(data);
  if (!checked.success) {
    throw new Error(`test event ${contract.type} is not contract-valid: ${checked.error.message}`);
  }
  const recordedAt = new Date().toISOString();
  return {
    id: options.id ?? randomUUID(),
    type: contract.type,
    schemaVersion: contract.schemaVersion,
    occurredAt: options.occurredAt ?? recordedAt,
    recordedAt,
    projectCode,
    data,
  } as EventOf<C>;
}
