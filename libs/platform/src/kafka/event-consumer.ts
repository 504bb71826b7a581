import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/unavailable';
import {
  deadLetterTopic,
  parseEvent,
  type AnyEventOf,
  type EventContract,
  type Topic,
} from '@wage/contracts';
import type { KafkaClient } from './kafka-client';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { SYSTEM_CLOCK, type Clock } from '../clock/clock';

export interface EventConsumerSettings<Cs extends readonly EventContract[]> {
  /** Names the consumer group and the consumer's rows in `processed_events`. */
  name: string;
  topic: Topic;
  /** The events this consumer understands; anything else is dead-lettered. */
  contracts: Cs;
  /**
   * Applies new events inside one database transaction, together with the record that they were processed.
   * Receives events in partition order, redeliveries removed. Throwing rolls the whole call back.
   */
  handle: (events: AnyEventOf<Cs>[], manager: EntityManager) => Promise<void>;
  dataSource: DataSource;
  /** The service's schema, where `processed_events` lives. */
  schema: string;
  kafka: KafkaClient;
  logger: Logger;
  metrics?: PlatformMetrics;
  /** What stamps a dead-lettered message's `dlq-failed-at`; the system's clock unless given. */
  clock?: Clock;
  /** Attempts per event once a failing batch is split up, before the event is dead-lettered. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Events applied per transaction. */
  chunkSize?: number;
}

interface Pending<E> {
  event: E;
  message: KafkaMessage;
  partition: number;
}

/**
 * Consumes one topic in batches: validates every message against its contract, skips events already processed
 * (by event id, recorded in the same transaction as their effects), and applies the rest in bulk.
 *
 * When a batch fails, its events are retried one by one so that one poison message cannot hold up the others;
 * an event that still fails after `maxAttempts` goes to `<topic>.dlq` with the reason, and consumption goes on.
 * A failure while the database itself is unreachable is not the message's fault: the batch is retried later by
 * kafkajs (from the last committed offset) instead of being dead-lettered.
 */
export class EventConsumer<Cs extends readonly EventContract[]> {
  private consumer?: Consumer;
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly chunkSize: number;

  constructor(private readonly settings: EventConsumerSettings<Cs>) {
    this.logger = settings.logger.child({
      component: 'consumer',
      consumer: settings.name,
      topic: settings.topic,
    });
    this.maxAttempts = settings.maxAttempts ?? 3;
    this.retryDelayMs = settings.retryDelayMs ?? 200;
    this.chunkSize = settings.chunkSize ?? 500;
  }

  /** The consumer group (by its unprefixed name) and the contract topic it reads. */
  get subscription(): { group: string; topic: string } {
    return { group: this.settings.name, topic: this.settings.topic };
  }

  async start(): Promise<void> {
    const { kafka, topic, name } = this.settings;
    await kafka.ensureTopics([topic, deadLetterTopic(topic)]);
    const consumer = kafka.consumer(name);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic(topic), fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.consumeBatch(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async consumeBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    let pending: Pending<AnyEventOf<Cs>>[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await this.applyChunk(pending);
      resolveOffset(pending[pending.length - 1].message.offset);
      pending = [];
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const parsed = parseEvent(this.settings.contracts, message.value);
      if (parsed.ok) {
        pending.push({ event: parsed.event, message, partition: batch.partition });
        if (pending.length >= this.chunkSize) await flush();
        continue;
      }
      await flush(); // keep order: what came before the bad message is applied first
      await this.deadLetter(message, batch.partition, `invalid message: ${parsed.reason}`);
      resolveOffset(message.offset);
    }
    await flush();
    await commitOffsetsIfNecessary();
  }

  private async applyChunk(chunk: Pending<AnyEventOf<Cs>>[]): Promise<void> {
    try {
      await this.apply(chunk.map((p) => p.event));
      return;
    } catch (error) {
      this.logger.warn(
        { err: error, events: chunk.length },
        'applying events failed; retrying them one by one',
      );
    }
    for (const item of chunk) await this.applyWithRetries(item);
  }

  private async applyWithRetries(item: Pending<AnyEventOf<Cs>>): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        await this.apply([item.event]);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) await delay(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
    await this.giveUp(item, lastError);
  }

  private async giveUp(item: Pending<AnyEventOf<Cs>>, error: unknown): Promise<void> {
    // The error itself says so, or the database still does not answer. Asking alone is not enough: a restart that
    // ends between the last attempt and the question would send a good event to the dead-letter topic.
    if (isDatabaseUnavailable(error) || !(await this.databaseAnswers())) {
      // Not the event's fault: let kafkajs retry the batch once the database is back.
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    await this.deadLetter(
      item.message,
      item.partition,
      `handler failed after ${this.maxAttempts} attempts: ${reason}`,
      item.event.id,
    );
  }

  /** Applies events and records their ids in one transaction; already-processed ids are skipped. */
  private async apply(events: AnyEventOf<Cs>[]): Promise<void> {
    const { dataSource, schema, name, topic, metrics } = this.settings;
    await dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO "${schema}".processed_events (consumer, event_id)
         SELECT $1, id FROM unnest($2::uuid[]) AS id
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [name, events.map((e) => e.id)],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const toApply = events.filter((e) => fresh.delete(e.id)); // delete: a duplicate within the batch runs once
      if (toApply.length > 0) await this.settings.handle(toApply, manager);
      metrics?.eventsConsumed.inc({ consumer: name, topic }, toApply.length);
      if (toApply.length < events.length) {
        metrics?.eventsRedelivered.inc({ consumer: name, topic }, events.length - toApply.length);
      }
    });
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.settings.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    partition: number,
    reason: string,
    eventId?: string,
  ): Promise<void> {
    const { kafka, topic, name, metrics, clock = SYSTEM_CLOCK } = this.settings;
    this.logger.error({ offset: message.offset, partition, eventId, reason }, 'dead-lettering a message');
    await kafka.send(deadLetterTopic(topic), [
      {
        key: message.key?.toString('utf8') ?? '',
        value: message.value?.toString('utf8') ?? '',
        headers: {
          ...message.headers,
          'dlq-reason': reason.slice(0, 2_000),
          'dlq-original-topic': kafka.topic(topic),
          'dlq-original-partition': String(partition),
          'dlq-original-offset': message.offset,
          'dlq-consumer': name,
          'dlq-failed-at': clock.now().toISOString(),
        },
      },
    ]);
    metrics?.eventsDeadLettered.inc({ consumer: name, topic });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
