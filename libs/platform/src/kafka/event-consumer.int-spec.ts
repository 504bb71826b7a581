import { randomUUID } from 'node:crypto';
import { Topics, deadLetterTopic } from '@wage/contracts';
import {
  PLATFORM_TEST_SCHEMA,
  TopicReader,
  WidgetMade,
  platformFixture,
  silentLogger,
  waitFor,
  type PlatformFixture,
} from '@wage/testing';
import { EventConsumer } from './event-consumer';
import { PlatformMetrics } from '../metrics/platform-metrics';

function envelope(widgetId: string, id: string = randomUUID(), name = `widget ${widgetId}`): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    id,
    type: 'WidgetMade',
    schemaVersion: 1,
    occurredAt: now,
    recordedAt: now,
    projectCode: 'P-1',
    data: { widgetId, name },
  });
}

describe('event consumer (real PostgreSQL and Kafka)', () => {
  let fx: PlatformFixture;
  let consumer: EventConsumer<readonly [typeof WidgetMade]>;
  const metrics = new PlatformMetrics('consumer-test');
  const handledBatchSizes: number[] = [];
  let outageFailures = 0;

  beforeAll(async () => {
    fx = await platformFixture();
    consumer = new EventConsumer({
      name: 'widget-projector',
      topic: Topics.project,
      contracts: [WidgetMade] as const,
      dataSource: fx.dataSource,
      schema: PLATFORM_TEST_SCHEMA,
      kafka: fx.kafka,
      logger: silentLogger,
      metrics,
      retryDelayMs: 20,
      handle: async (events, manager) => {
        handledBatchSizes.push(events.length);
        if (events.some((e) => e.data.widgetId === 'poison'))
          throw new Error('widget "poison" cannot be made');
        // The database restarting: the same failure more often than the consumer's own attempts.
        if (events.some((e) => e.data.widgetId === 'outage') && (outageFailures += 1) <= 5)
          throw Object.assign(new Error('terminating connection due to administrator command'), {
            code: '57P01',
          });
        // A redelivery reaching this point would append '+' to the name: the test checks it never does.
        await manager.query(
          `INSERT INTO widgets (id, name) SELECT * FROM unnest($1::text[], $2::text[])
           ON CONFLICT (id) DO UPDATE SET name = widgets.name || '+'`,
          [events.map((e) => e.data.widgetId), events.map((e) => e.data.name)],
        );
      },
    });
  });

  afterAll(async () => {
    await consumer.stop();
    await fx.close();
  });

  const widgets = async () =>
    (await fx.dataSource.query(`SELECT id, name FROM widgets ORDER BY id`)) as { id: string; name: string }[];

  it('dead-letters poison messages with the reason, keeps consuming, applies a redelivered event once', async () => {
    const firstId = randomUUID();
    // One key, so one partition: the order below is the order of consumption.
    await fx.kafka.send(
      Topics.project,
      [
        envelope('a', firstId),
        'this is not JSON',
        JSON.stringify({ ...JSON.parse(envelope('bad')), data: { widgetId: 7 } }),
        envelope('poison'),
        envelope('b'),
        envelope('a', firstId), // a redelivery of the first event
        envelope('c'),
      ].map((value) => ({ key: 'P-1', value })),
    );
    const deadLetters = await TopicReader.start(fx.kafka.topic(deadLetterTopic(Topics.project)));
    await consumer.start();

    await waitFor(async () => (await widgets()).some((w) => w.id === 'c'), {
      description: 'the last event applied',
    });
    const dead = await deadLetters.waitFor((m) => m.length >= 3, { description: 'three dead letters' });
    await deadLetters.stop();

    expect(await widgets()).toEqual([
      { id: 'a', name: 'widget a' }, // not 'widget a+': the redelivery changed nothing
      { id: 'b', name: 'widget b' },
      { id: 'c', name: 'widget c' },
    ]);
    expect(dead.map((m) => m.headers['dlq-reason'])).toEqual([
      expect.stringMatching(/^invalid message: value is not JSON/),
      expect.stringMatching(/^invalid message: invalid WidgetMade data: widgetId/),
      'handler failed after 3 attempts: widget "poison" cannot be made',
    ]);
    expect(dead[0].value).toBe('this is not JSON'); // the original message, untouched
    expect(dead.every((m) => m.headers['dlq-original-topic'] === fx.kafka.topic(Topics.project))).toBe(true);
    expect((await metrics.eventsRedelivered.get()).values[0]?.value).toBe(1);
    expect((await metrics.eventsDeadLettered.get()).values[0]?.value).toBe(3);
  });

  // The database came back between the consumer's last attempt and its "does the database answer?" question: the
  // event was dead-lettered. The error itself now says it was the database, so the batch is retried instead.
  it('never dead-letters an event that failed only because the database was restarting', async () => {
    const deadBefore = (await metrics.eventsDeadLettered.get()).values[0]?.value ?? 0;
    await fx.kafka.send(Topics.project, [{ key: 'P-1', value: envelope('outage') }]);
    await waitFor(async () => (await widgets()).some((w) => w.id === 'outage'), {
      description: 'the event applied once the database is back',
      timeoutMs: 60_000,
    });
    expect(outageFailures).toBeGreaterThan(3);
    expect((await metrics.eventsDeadLettered.get()).values[0]?.value ?? 0).toBe(deadBefore);
  });

  it('applies many events in a few transactions, not one per event', async () => {
    handledBatchSizes.length = 0;
    const ids = Array.from({ length: 1_200 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    await fx.kafka.send(
      Topics.project,
      ids.map((id) => ({ key: `P-${id.slice(-1)}`, value: envelope(id) })),
    );
    await waitFor(
      async () =>
        (await fx.dataSource.query(`SELECT count(*)::int AS n FROM widgets WHERE id LIKE 'bulk-%'`))[0].n ===
        1_200,
      { description: '1,200 widgets', timeoutMs: 60_000 },
    );
    expect(handledBatchSizes.reduce((a, b) => a + b, 0)).toBe(1_200);
    expect(handledBatchSizes.length).toBeLessThan(100);
  });
});
