import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type ConsumerConfig,
  type IHeaders,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and consumer group name (tests give each file its own). */
  topicPrefix?: string;
  logger: Logger;
}

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: IHeaders;
}

/**
 * kafkajs groups a send's messages per partition with work that grows quadratically in the number of messages;
 * sends stay fast when split into chunks of this size.
 */
export const SEND_CHUNK_SIZE = 500;

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * The one place that knows kafkajs. Services see topics by their contract names; the prefix, the idempotent
 * producer, chunked sends and topic creation are handled here, so the client library could be swapped.
 */
export class KafkaClient {
  readonly topicPrefix: string;
  private readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private adminPromise?: Promise<Admin>;
  private readonly consumers = new Set<Consumer>();

  constructor(settings: KafkaSettings) {
    this.topicPrefix = settings.topicPrefix ?? '';
    const logger = settings.logger.child({ component: 'kafka' });
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...extra } = log;
          logger[LEVELS[level] ?? 'info'](extra, message);
        },
    });
  }

  /** The physical topic name of a contract topic. */
  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  groupId(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  /**
   * Creates missing topics (existing ones are left as they are) and waits until every partition has a leader.
   * Right after a broker starts, or while another client auto-creates the same topic, the broker answers with
   * retriable errors for a moment: those are retried.
   */
  async ensureTopics(names: string[], partitions = 3): Promise<void> {
    const topics = [...new Set(names.map((n) => this.topic(n)))];
    for (let attempt = 1; ; attempt += 1) {
      try {
        const admin = await this.admin();
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
          });
        }
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        if (metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
          return;
        throw Object.assign(new Error(`topics ${topics.join(', ')} have no leader yet`), { retriable: true });
      } catch (error) {
        const retriable = (error as { retriable?: boolean }).retriable === true;
        if (!retriable || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
      }
    }
  }

  /**
   * Sends messages to one topic with the idempotent producer, in chunks, waiting for all in-sync replicas.
   * Resolves once every message is acknowledged; rejects if any chunk could not be delivered.
   */
  async send(topicName: string, messages: OutgoingMessage[]): Promise<void> {
    const producer = await this.producer();
    for (let start = 0; start < messages.length; start += SEND_CHUNK_SIZE) {
      await producer.send({
        topic: this.topic(topicName),
        acks: -1,
        messages: messages.slice(start, start + SEND_CHUNK_SIZE),
      });
    }
  }

  /** A consumer in the (prefixed) group; the caller subscribes and runs it. Disconnected on close(). */
  consumer(groupName: string, config: Omit<ConsumerConfig, 'groupId'> = {}): Consumer {
    const consumer = this.kafka.consumer({
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      ...config,
      groupId: this.groupId(groupName),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  /** The offset the next message of each partition of a topic will get: what "everything published" reaches. */
  async endOffsets(topicName: string): Promise<Map<number, number>> {
    const admin = await this.admin();
    const offsets = await admin.fetchTopicOffsets(this.topic(topicName));
    return new Map(offsets.map((p) => [p.partition, Number(p.high)]));
  }

  /**
   * Whether a consumer group has committed, on every partition of the topic, at least the offsets given: it has
   * consumed everything that was published when they were read. A partition without a commit counts as its
   * earliest offset, so an empty partition is consumed.
   */
  async hasConsumed(groupName: string, topicName: string, upTo: Map<number, number>): Promise<boolean> {
    const admin = await this.admin();
    const topic = this.topic(topicName);
    const [low, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId: this.groupId(groupName), topics: [topic] }),
    ]);
    const done = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
    const earliest = new Map(low.map((p) => [p.partition, Number(p.low)]));
    for (const [partition, end] of upTo) {
      const offset = done.get(partition) ?? -1;
      if ((offset < 0 ? (earliest.get(partition) ?? 0) : offset) < end) return false;
    }
    return true;
  }

  /** Answers whether the cluster responds to a metadata request now. */
  async ping(): Promise<void> {
    const admin = await this.admin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.allSettled(consumers.map((c) => c.disconnect()));
    const [producer, admin] = [this.producerPromise, this.adminPromise];
    this.producerPromise = this.adminPromise = undefined;
    await Promise.allSettled([producer?.then((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
  }

  private producer(): Promise<Producer> {
    if (!this.producerPromise) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: true,
      });
      this.producerPromise = producer.connect().then(
        () => producer,
        (error: unknown) => {
          this.producerPromise = undefined; // try again on the next send
          throw error;
        },
      );
    }
    return this.producerPromise;
  }

  private admin(): Promise<Admin> {
    if (!this.adminPromise) {
      const admin = this.kafka.admin();
      this.adminPromise = admin.connect().then(
        () => admin,
        (error: unknown) => {
          this.adminPromise = undefined;
          throw error;
        },
      );
    }
    return this.adminPromise;
  }
}
