import type { EntityManager } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import type { EventContract, EventData, EventEnvelope } from '@wage/contracts';
import { SYSTEM_CLOCK, type Clock } from '../clock/clock';

export interface NewEvent<C extends EventContract = EventContract> {
  contract: C;
  projectCode: string;
  data: EventData<C>;
  /** When the fact happened; defaults to now (the writer's clock). */
  occurredAt?: Date | string;
}

/** Builds a typed event for `OutboxWriter.append`, checking the data against the contract at compile time. */
export function newEvent<C extends EventContract>(
  contract: C,
  projectCode: string,
  data: EventData<C>,
  occurredAt?: Date | string,
): NewEvent<C> {
  return { contract, projectCode, data, occurredAt };
}

/**
 * Writes events into the service's outbox inside the caller's transaction, so they are published if and only if
 * the business rows commit. Every payload is validated against its contract first: a service cannot emit an event
 * that its consumers would reject.
 */
export class OutboxWriter {
  constructor(
    private readonly schema: string,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  async append(manager: EntityManager, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const recordedAt = this.clock.now().toISOString();
    const envelopes = events.map(({ contract, projectCode, data, occurredAt }) => {
      const parsed = contract.schema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`refusing to write an invalid ${contract.type} event: ${parsed.error.message}`);
      }
      const envelope: EventEnvelope = {
        // Time-ordered (RFC 9562 version 7): each consumer's processed_events key and the outbox's id index grow
        // at their right-hand edge instead of at a random leaf, which costs PostgreSQL less at every insert.
        id: timeOrderedUuid(),
        type: contract.type,
        schemaVersion: contract.schemaVersion,
        occurredAt: occurredAt === undefined ? recordedAt : new Date(occurredAt).toISOString(),
        recordedAt,
        projectCode,
        data: parsed.data,
      };
      return { envelope, topic: contract.topic };
    });
    // One statement and one parameter for any number of events: the rows travel as one JSON array, which costs less
    // to build and to read than five array literals with every payload escaped inside one of them.
    await manager.query(
      `INSERT INTO "${this.schema}".outbox_events (id, topic, message_key, type, payload)
       SELECT e.id, e.topic, e.message_key, e.type, e.payload
       FROM json_to_recordset($1::json) AS e (id uuid, topic text, message_key text, type text, payload json)`,
      [
        JSON.stringify(
          envelopes.map((e) => ({
            id: e.envelope.id,
            topic: e.topic,
            message_key: e.envelope.projectCode,
            type: e.envelope.type,
            payload: e.envelope,
          })),
        ),
      ],
    );
    return envelopes.map((e) => e.envelope);
  }
}
