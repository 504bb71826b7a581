import { Inject, Injectable } from '@nestjs/common';
import { KafkaClient, LOGGER, type Logger } from '@wage/platform';
import { ReadModelConsumers } from './read-model.consumers';

/** How long the sweep waits for the read model to catch up before it gives up on this run. */
export const READ_MODEL_CATCH_UP = Symbol('READ_MODEL_CATCH_UP');

export class ReadModelBehind extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadModelBehind';
  }
}

/**
 * The time-driven sweep judges absences — no payment, no sheet, no attendance — and an absence read from a read
 * model that has not yet consumed what was published is a false alarm in the making: during a Kafka outage, or
 * while a backlog drains, a payment already made is simply not here yet. Before each sweep this barrier notes
 * where every upstream topic ends and waits until the engine's consumers have committed that far. If they do not
 * within the time allowed, or Kafka does not answer, the run fails and is retried later rather than judge.
 */
@Injectable()
export class ReadModelBarrier {
  constructor(
    private readonly consumers: ReadModelConsumers,
    private readonly kafka: KafkaClient,
    @Inject(READ_MODEL_CATCH_UP) private readonly timeoutMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async awaitCaughtUp(pollMs = 250): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    let behind: string[];
    try {
      const targets = await Promise.all(
        this.consumers
          .subscriptions()
          .map(async (s) => ({ ...s, upTo: await this.kafka.endOffsets(s.topic) })),
      );
      for (;;) {
        const consumed = await Promise.all(
          targets.map((t) => this.kafka.hasConsumed(t.group, t.topic, t.upTo)),
        );
        behind = targets.filter((_, i) => !consumed[i]).map((t) => t.topic);
        if (behind.length === 0) return;
        if (Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    } catch (error) {
      throw new ReadModelBehind(
        `Kafka did not answer how far the read model has consumed (${(error as Error).message}); ` +
          'the sweep waits rather than judge absences on data that may be incomplete',
      );
    }
    this.logger.warn({ behind, timeoutMs: this.timeoutMs }, 'read model still behind: sweep postponed');
    throw new ReadModelBehind(
      `the read model had not consumed ${behind.join(', ')} up to where they ended when the sweep began, within ` +
        `${Math.round(this.timeoutMs / 1000)} s; the sweep is retried later rather than judge absences on stale data`,
    );
  }
}
