import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus registry of one service, with the metrics the platform itself records. */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly outboxPublished = new Counter({
    name: 'outbox_events_published_total',
    help: 'Events the outbox relay published to Kafka',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly outboxPublishFailures = new Counter({
    name: 'outbox_publish_failures_total',
    help: 'Outbox relay passes that failed (the events stay in the outbox and are retried)',
    registers: [this.registry],
  });

  readonly eventsConsumed = new Counter({
    name: 'kafka_events_consumed_total',
    help: 'Events handled by a consumer (redeliveries excluded)',
    labelNames: ['consumer', 'topic'] as const,
    registers: [this.registry],
  });

  readonly eventsRedelivered = new Counter({
    name: 'kafka_events_redelivered_total',
    help: 'Events skipped because their id was already processed',
    labelNames: ['consumer', 'topic'] as const,
    registers: [this.registry],
  });

  readonly eventsDeadLettered = new Counter({
    name: 'kafka_events_dead_lettered_total',
    help: 'Messages sent to a dead-letter topic',
    labelNames: ['consumer', 'topic'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
