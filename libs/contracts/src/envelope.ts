import { z } from 'zod';
import type { Topic } from './topics';

const isoInstant = z.iso.datetime({ offset: true });

/** The JSON envelope every event travels in; `id` is what consumers use to ignore redeliveries. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: isoInstant,
  recordedAt: isoInstant,
  projectCode: z.string().min(1),
  data: z.unknown(),
});

export type RawEnvelope = z.infer<typeof envelopeSchema>;

export interface EventEnvelope<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  projectCode: string;
  data: TData;
}

/**
 * One contract per event: its topic, type name, schema version and payload schema.
 * The payload type is inferred from the schema, so the type and the runtime check cannot drift apart.
 */
export interface EventContract<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly topic: Topic;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly schema: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  topic: Topic,
  type: TType,
  schema: TSchema,
  schemaVersion = 1,
): EventContract<TType, TSchema> {
  return { topic, type, schema, schemaVersion };
}

export type EventData<C extends EventContract> = z.infer<C['schema']>;
export type EventOf<C extends EventContract> = EventEnvelope<C['type'], EventData<C>>;

/** The envelope of any event in a list of contracts, discriminated by `type`. */
export type AnyEventOf<Cs extends readonly EventContract[]> = { [K in keyof Cs]: EventOf<Cs[K]> }[number];

export type ParseResult<E> = { ok: true; event: E } | { ok: false; reason: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates a raw message value against the envelope and the contract named by its `type`.
 * Never throws: an invalid message is a reason to dead-letter, not a crash.
 */
export function parseEvent<Cs extends readonly EventContract[]>(
  contracts: Cs,
  raw: Buffer | string | null | undefined,
): ParseResult<AnyEventOf<Cs>> {
  if (raw === null || raw === undefined) return { ok: false, reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `value is not JSON: ${(error as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  const contract = contracts.find((c) => c.type === envelope.data.type);
  if (!contract) return { ok: false, reason: `unknown event type "${envelope.data.type}"` };
  if (envelope.data.schemaVersion !== contract.schemaVersion) {
    return {
      ok: false,
      reason: `unsupported schemaVersion ${envelope.data.schemaVersion} for ${contract.type} (expected ${contract.schemaVersion})`,
    };
  }
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success)
    return { ok: false, reason: `invalid ${contract.type} data: ${describeIssues(data.error)}` };
  return { ok: true, event: { ...envelope.data, data: data.data } as AnyEventOf<Cs> };
}
