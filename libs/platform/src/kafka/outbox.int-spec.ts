import { Topics, parseEvent } from '@wage/contracts';
import {
  PLATFORM_TEST_SCHEMA,
  TopicReader,
  WidgetMade,
  platformFixture,
  silentLogger,
  startDisposableKafka,
  waitFor,
  type PlatformFixture,
} from '@wage/testing';
import { KafkaClient } from './kafka-client';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter, newEvent } from './outbox-writer';
import { PlatformMetrics } from '../metrics/platform-metrics';

describe('transactional outbox (real PostgreSQL and Kafka)', () => {
  let fx: PlatformFixture;
  const writer = new OutboxWriter(PLATFORM_TEST_SCHEMA);

  beforeAll(async () => {
    fx = await platformFixture();
  });
  afterAll(() => fx.close());

  async function makeWidget(id: string, projectCode = 'P-1'): Promise<string> {
    const [envelope] = await fx.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO widgets (id, name) VALUES ($1, $2)`, [id, `widget ${id}`]);
      return writer.append(manager, [
        newEvent(WidgetMade, projectCode, { widgetId: id, name: `widget ${id}` }),
      ]);
    });
    return envelope.id;
  }

  const relayOnFixture = (settings: { batchSize?: number } = {}) =>
    new OutboxRelay({
      dataSource: fx.dataSource,
      kafka: fx.kafka,
      schema: PLATFORM_TEST_SCHEMA,
      logger: silentLogger,
      ...settings,
    });

  const pending = async () =>
    (await fx.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`))[0]
      .n as number;

  it('publishes what a transaction committed, once, after commit, and nothing of a rolled-back one', async () => {
    const reader = await TopicReader.start(fx.kafka.topic(Topics.project));
    const relay = relayOnFixture();

    const committed = [await makeWidget('w1'), await makeWidget('w2', 'P-2')];
    await expect(
      fx.dataSource.transaction(async (manager) => {
        await writer.append(manager, [newEvent(WidgetMade, 'P-1', { widgetId: 'w3', name: 'never' })]);
        throw new Error('the business rows failed');
      }),
    ).rejects.toThrow('the business rows failed');
    expect(await pending()).toBe(2); // the rolled-back event was never written

    expect(await relay.publishPending()).toBe(2);
    expect(await relay.publishPending()).toBe(0); // marked published: not sent again

    const messages = await reader.waitFor((m) => m.length >= 2, { description: 'two published events' });
    await reader.stop();
    const events = messages.map((m) => parseEvent([WidgetMade], m.value));
    expect(events.map((e) => e.ok && e.event.id).sort()).toEqual([...committed].sort());
    expect(messages.map((m) => m.key).sort()).toEqual(['P-1', 'P-2']); // keyed by project code
    expect(messages.every((m) => m.headers['event-type'] === 'WidgetMade')).toBe(true);
    expect(messages).toHaveLength(2);
    // Event ids are time-ordered UUIDs (version 7): a later event's id sorts after an earlier one's.
    expect(committed.map((id) => id[14])).toEqual(['7', '7']);
    expect(committed[0] < committed[1]).toBe(true);
  });

  it('publishes a backlog larger than a pass in commit order, a pass at a time', async () => {
    const reader = await TopicReader.start(fx.kafka.topic(Topics.project));
    const relay = relayOnFixture({ batchSize: 2 });
    const ids = await fx.dataSource.transaction((manager) =>
      writer.append(
        manager,
        ['b1', 'b2', 'b3', 'b4', 'b5'].map((widgetId) =>
          newEvent(WidgetMade, 'P-9', { widgetId, name: widgetId }),
        ),
      ),
    );
    expect([
      await relay.publishPending(),
      await relay.publishPending(),
      await relay.publishPending(),
    ]).toEqual([2, 2, 1]);
    expect(await pending()).toBe(0);
    const messages = await reader.waitFor((m) => m.filter((x) => x.key === 'P-9').length >= 5, {
      description: 'five published events of P-9',
    });
    await reader.stop();
    const published = messages
      .filter((m) => m.key === 'P-9')
      .map((m) => parseEvent([WidgetMade], m.value))
      .map((e) => e.ok && e.event.id);
    expect(published).toEqual(ids.map((e) => e.id));
  });

  it('refuses to write an event that breaks its contract', async () => {
    await expect(
      fx.dataSource.transaction((manager) =>
        writer.append(manager, [
          { contract: WidgetMade, projectCode: 'P-1', data: { widgetId: 42 } as never },
        ]),
      ),
    ).rejects.toThrow('refusing to write an invalid WidgetMade event');
  });

  it('keeps an event committed while Kafka is stopped and publishes it once Kafka is back', async () => {
    const broker = await startDisposableKafka();
    const kafka = new KafkaClient({
      brokers: broker.brokers,
      clientId: 'outbox-test',
      topicPrefix: fx.topicPrefix,
      logger: silentLogger,
    });
    const metrics = new PlatformMetrics('outbox-test');
    const relay = new OutboxRelay({
      dataSource: fx.dataSource,
      kafka,
      metrics,
      schema: PLATFORM_TEST_SCHEMA,
      logger: silentLogger,
      idleMs: 50,
      maxBackoffMs: 1_000,
    });
    try {
      await kafka.ensureTopics([Topics.project]);
      await broker.stop();

      const eventId = await makeWidget('while-down');
      relay.start();
      const failures = async () => (await metrics.outboxPublishFailures.get()).values[0]?.value ?? 0;
      await waitFor(async () => (await failures()) >= 1, {
        description: 'a failed publish attempt',
        timeoutMs: 60_000,
      });
      expect(await pending()).toBe(1); // nothing lost, nothing marked

      await broker.start();
      await waitFor(async () => (await pending()) === 0, {
        description: 'the outbox to drain',
        timeoutMs: 60_000,
      });
      await relay.stop();

      const reader = await TopicReader.start(kafka.topic(Topics.project), broker.brokers);
      const messages = await reader.waitFor((m) => m.some((x) => x.value?.includes(eventId)), {
        description: 'the event on the restarted broker',
      });
      await reader.stop();
      expect(messages.filter((m) => m.value?.includes(eventId))).toHaveLength(1);
    } finally {
      await relay.stop();
      await kafka.close();
      await broker.destroy();
    }
  }, 180_000); // two broker starts and the relay's back-off: slow on a loaded 2-core machine
});
