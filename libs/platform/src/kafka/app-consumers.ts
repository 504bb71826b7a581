import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

/** What the app runs for its life: an `EventConsumer`, or anything that starts and stops like one. */
export interface RunningConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A service's consumers, started once the app has booted (the outbox relay and the database are up) and stopped
 * before it shuts down, so no batch is cut off mid-transaction. A provider lists its consumers in `consumers` and
 * extends this class instead of writing the two lifecycle hooks again.
 */
export abstract class AppConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly consumers: readonly RunningConsumer[];

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
