import { randomBytes } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import pino from 'pino';
import { KafkaClient } from '@wage/platform';
import { testInfra } from './infra';
import { waitFor, type WaitOptions } from './wait-for';

/** A topic and consumer-group prefix of one's own, so test files never see each other's messages. */
export function testTopicPrefix(): string {
  return `test-${randomBytes(4).toString('hex')}.`;
}

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

function toReadMessage(message: KafkaMessage, partition: number): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return {
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers,
    partition,
    offset: message.offset,
  };
}

/**
 * Reads a (physical) topic from the beginning in the background; `waitFor` resolves as soon as the messages read
 * so far satisfy a predicate, without fixed sleeps.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private constructor(private readonly stopConsumer: () => Promise<void>) {}

  static async start(topic: string, brokers: string[] = testInfra().kafkaBrokers): Promise<TopicReader> {
    const kafka = new KafkaClient({ brokers, clientId: 'test-reader', logger: pino({ level: 'silent' }) });
    await kafka.ensureTopics([topic]);
    const consumer = kafka.consumer(`reader-${randomBytes(6).toString('hex')}`);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const reader = new TopicReader(() => kafka.close());
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        reader.messages.push(toReadMessage(message, partition));
      },
    });
    return reader;
  }

  /** Waits until the messages read so far satisfy `predicate`; returns them. */
  waitFor(
    predicate: (messages: ReadMessage[]) => boolean,
    options: WaitOptions = {},
  ): Promise<ReadMessage[]> {
    return waitFor(() => predicate(this.messages) && this.messages, options);
  }

  stop(): Promise<void> {
    return this.stopConsumer();
  }
}
