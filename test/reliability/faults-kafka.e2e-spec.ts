import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { deadLetterTopic, Topics, type Topic } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { staffToken, startDisposableKafka, TopicReader, waitFor, type DisposableKafka } from '@wage/testing';
import { ApiClient } from '../../apps/simulator/src/api-client';
import { evaluateAndCompare, formatComparison, lastingFalseAlerts } from '../../apps/simulator/src/compare';
import { planDistrict, type DistrictPlan } from '../../apps/simulator/src/plan';
import { type DistrictKeys, pushDistrictRecords, registerDistrict } from '../../apps/simulator/src/push';
import { parseViolations } from '../../apps/simulator/src/simulation';
import { groundTruth } from '../../apps/simulator/src/truth';
import {
  alertLifecycle,
  compareIngest,
  envelopes,
  outboxEvents,
  outboxPending,
  outboxTopics,
  plannedIngest,
  readToEnd,
  rulesEngineCaughtUp,
  repeated,
  tallyIngest,
  type Envelope,
} from './faults';
import { ReliabilityReport } from './report';
import { startStack, type Stack } from './stack';

/**
 * The schemas of the services that accept what the district's push sends: roster-service (rolls, attendance and pay
 * sheets on the roster topic, the administrator's 停工 on the project topic) and wage-account-service (transactions
 * and the bank's statements on the account topic). What they published is read on every topic their outboxes name.
 */
const PRODUCERS = ['roster', 'wage_account'] as const;

/**
 * Issue 11, Kafka's part: nothing accepted may be lost, nothing may be done twice. Every service runs against a
 * broker of this file's own, which the test stops in the middle of a district's ingest and starts again; then a
 * poison message on every consumed topic. The figures go to the reliability report, section `faults-kafka`.
 */
describe('faults: Kafka stopped during ingest, poison messages', () => {
  const report = new ReliabilityReport('faults-kafka');
  const readers: TopicReader[] = [];
  let kafka: DisposableKafka;
  let stack: Stack;
  let pg: Client;
  let client: ApiClient;
  let plan: DistrictPlan;
  let keys: DistrictKeys;

  beforeAll(async () => {
    kafka = await startDisposableKafka();
    stack = await startStack({ serviceEnv: { KAFKA_BROKERS: kafka.brokers.join(',') } });
    pg = new Client({ connectionString: stack.database.url });
    await pg.connect();
    client = new ApiClient(stack.gateway.url);
    plan = planDistrict({
      plainDelivery: true,
      seed: `fk${randomBytes(3).toString('hex')}`,
      regionCode: '350206',
      projects: 16,
      workers: 10,
      months: 2,
      violations: parseViolations('all'),
      asOf: new Date(),
    });
  }, 180_000);

  afterAll(async () => {
    report.write();
    try {
      // A test that failed while the broker was stopped left it so: the services stop cleanly only with Kafka up.
      await kafka?.start().catch(() => undefined);
      await Promise.all(readers.map((r) => r.stop().catch(() => undefined)));
      await pg?.end().catch(() => undefined);
      await stack?.stop();
    } finally {
      await kafka?.destroy();
    }
  }, 120_000);

  const read = async (topic: Topic | string) => {
    const physical = `${stack.topicPrefix}${topic}`;
    const reader = await TopicReader.start(physical, kafka.brokers);
    readers.push(reader);
    return { reader, all: () => readToEnd(reader, kafka.brokers, physical) };
  };

  it('keeps accepting while Kafka is down, and publishes every accepted row exactly once when it returns', async () => {
    // Projects, accounts and deposits first, while Kafka is up: a bank can open an account only once
    // wage-account-service has learnt of the project from its event.
    keys = await registerDistrict(client, stack.secrets.ADMIN_API_KEY, plan);
    for (const schema of PRODUCERS)
      await waitFor(async () => (await outboxPending(pg, schema)) === 0, {
        description: `the ${schema} outbox to drain before Kafka stops`,
        timeoutMs: 30_000,
      });
    const before = new Set<string>();
    for (const schema of PRODUCERS) (await outboxEvents(pg, schema, false)).forEach((e) => before.add(e.id));

    await kafka.stop();
    const requestsBefore = client.requests;
    const statusesBefore = new Map(client.statuses);
    await pushDistrictRecords(client, keys, plan);
    const answered = [...client.statuses]
      .map(([status, n]) => [status, n - (statusesBefore.get(status) ?? 0)])
      .filter(([, n]) => n > 0);
    const refused = answered.filter(([status, n]) => n > 0 && (status < 200 || status >= 300));
    // While the broker is away, every accepted row waits in the outbox of the service that accepted it.
    const waiting: Envelope[] = [];
    for (const schema of PRODUCERS) waiting.push(...(await outboxEvents(pg, schema, true)));
    const planned = plannedIngest(plan, stack.secrets.BLIND_INDEX_KEY);
    const inOutbox = compareIngest(planned, tallyIngest(waiting));

    await kafka.start();
    for (const schema of PRODUCERS)
      await waitFor(async () => (await outboxPending(pg, schema)) === 0, {
        description: `the ${schema} outbox to drain after Kafka returned`,
        timeoutMs: 90_000,
        intervalMs: 250,
      });
    const topics = new Set<string>();
    for (const schema of PRODUCERS) (await outboxTopics(pg, schema)).forEach((topic) => topics.add(topic));
    const published: Envelope[] = [];
    for (const topic of topics) published.push(...envelopes(await (await read(topic)).all()));
    const waitingTypes = new Map(waiting.map((e) => [e.id, e.type]));
    const waitingIds = new Set(waitingTypes.keys());
    const publishedIds = published.map((e) => e.id);
    const duplicatedIds = repeated(publishedIds);
    const publishedIdSet = new Set(publishedIds);
    const missingIds = [...waitingIds].filter((id) => !publishedIdSet.has(id));
    const afterOutage = published.filter((e) => !before.has(e.id));
    const onTopics = compareIngest(planned, tallyIngest(afterOutage));

    const rows = Object.values(onTopics).reduce((n, k) => n + k.planned, 0);
    const failures = [
      ...refused.map(([status, n]) => `${n} requests answered ${status} while Kafka was down`),
      ...Object.entries(inOutbox).flatMap(([kind, c]) =>
        c.missing || c.duplicated || c.unplanned ? [`outbox while down, ${kind}: ${JSON.stringify(c)}`] : [],
      ),
      ...Object.entries(onTopics).flatMap(([kind, c]) =>
        c.missing || c.duplicated || c.unplanned
          ? [`topics after return, ${kind}: ${JSON.stringify(c)}`]
          : [],
      ),
      ...[...duplicatedIds].map(([id, n]) => `event ${id} published ${n} times`),
      ...missingIds.map(
        (id) => `event ${id} (${waitingTypes.get(id)}) waited in the outbox and was never published`,
      ),
    ];
    report.add({
      check: 'Kafka stopped during ingest: the API keeps accepting',
      tried: client.requests - requestsBefore,
      held: answered.filter(([status]) => status >= 200 && status < 300).reduce((n, [, c]) => n + c, 0),
      failures: refused.map(([status, n]) => `${n} requests answered ${status}`),
      figures: Object.fromEntries(answered.map(([status, n]) => [`answered ${status}`, n])),
    });
    report.add({
      check: 'Kafka returned: every accepted row published exactly once (by event id and business key)',
      tried: rows,
      held: Object.values(onTopics).reduce((n, k) => n + k.carried - k.duplicated - k.unplanned, 0),
      failures,
      figures: {
        ...Object.fromEntries(
          Object.entries(onTopics).map(([kind, c]) => [
            `${kind} accepted/published`,
            `${c.planned}/${c.carried}`,
          ]),
        ),
        'topics read': [...topics].join(', '),
        'events waiting in outboxes while down': waiting.length,
        'events published after return': afterOutage.length,
        'duplicated event ids': duplicatedIds.size,
        'missing event ids': missingIds.length,
      },
    });

    expect(refused).toEqual([]);
    expect(failures).toEqual([]);
    expect(waiting.length).toBeGreaterThan(0);
    for (const c of Object.values(onTopics)) expect(c.carried).toBe(c.planned);
  }, 300_000);

  it('raises exactly the ground truth once Kafka is back: none missed, none false, none twice', async () => {
    const alertTopic = await read(Topics.alert);
    // Evaluated as of an instant after the engine has caught up, as an operator would once the backlog is in:
    // attendance and pay sheets count from when they were reported.
    await rulesEngineCaughtUp(pg);
    const asOf = new Date();
    const truth = groundTruth(plan, asOf);
    const ours = new Set(plan.projects.map((p) => p.code));
    // What the engine found on its own while draining the backlog, before anyone asked for an evaluation.
    const expectedKeys = new Set(
      truth.projects.flatMap((p) => p.expected.map((e) => `${p.code}|${e.code}|${e.month ?? ''}`)),
    );
    const { rows: openBefore } = await pg.query<{ key: string }>(
      `SELECT project_code || '|' || code || '|' || coalesce(month, '') AS key FROM rules.alerts
        WHERE status = 'OPEN' AND project_code = ANY($1)`,
      [[...ours]],
    );
    const falseBefore = openBefore.filter((r) => !expectedKeys.has(r.key)).map((r) => r.key);
    const progress: string[] = [];
    // Live evaluations, each round compared with the truth as of that round. This stack raises absence verdicts
    // at once (ALERT_SETTLE_SECONDS=0), so catching up the backlog raised some on partial data (a roll consumed
    // before its attendance, a bank's payments before the roll) that the rest of the backlog cleared by the time the
    // engine had caught up: reported, not failures. Any other false alert — standing, closed by someone, or cleared
    // only later — is one.
    const comparison = await evaluateAndCompare(
      client,
      stack.secrets.ADMIN_API_KEY,
      (at) => groundTruth(plan, at),
      { timeoutMs: 90_000, caughtUpAt: asOf, log: (line) => progress.push(line) },
    );
    const lasting = lastingFalseAlerts(comparison, asOf);
    const life = alertLifecycle(await alertTopic.all(), ours);
    const raisedTwice = [...life.raised].filter(([, n]) => n > 1);
    const { rows: cases } = await pg.query<{ key: string; n: number }>(
      `SELECT alert_key AS key, count(*)::int AS n FROM alerts.alerts
        WHERE project_code = ANY($1) GROUP BY alert_key HAVING count(*) > 1`,
      [[...ours]],
    );

    const failures = [
      ...comparison.missed.map((a) => `missed ${a.code} ${a.projectCode} ${a.month ?? ''}`),
      ...lasting.map(
        (a) =>
          `false ${a.code} ${a.projectCode} ${a.month ?? ''} (${a.status}${a.clearedAt ? ` ${a.clearedAt}` : ''})`,
      ),
      ...comparison.severityMismatches.map((a) => `severity ${a.code} ${a.projectCode}: ${a.found}`),
      ...life.outOfOrder,
      ...raisedTwice.map(([key, n]) => `${key} raised ${n} times`),
      ...cases.map((c) => `alert case ${c.key} stored ${c.n} times`),
    ];
    report.add({
      check: 'Kafka returned: alerts equal the ground truth',
      tried: comparison.expected,
      held: comparison.matched - comparison.severityMismatches.length,
      failures,
      figures: {
        expected: comparison.expected,
        found: comparison.found,
        missed: comparison.missed.length,
        false: lasting.length,
        'raised on partial data while catching up, cleared by the data that followed by then':
          comparison.falseAlerts.length - lasting.length,
        'raised more than once': raisedTwice.length,
        'alert events republished under the same id (skipped by consumers)': life.republished,
        'AlertRaised events': [...life.raised.values()].reduce((n, c) => n + c, 0),
        'open in the engine before any evaluation request, not in the truth': falseBefore.length,
      },
    });
    expect({ failures, summary: formatComparison(comparison) }).toEqual({
      failures: [],
      summary: expect.any(String),
    });
    expect(comparison.matched).toBe(comparison.expected);
  }, 240_000);

  it('dead-letters a poison message on every consumed topic with its reason, and goes on consuming', async () => {
    const consumers: Record<Topic, string[]> = {
      [Topics.project]: [
        'rules-engine.project',
        'wage-account-service.projects',
        'alert-service.projects',
        'enforcement-service.projects',
      ],
      [Topics.roster]: ['rules-engine.roster', 'enforcement-service.rolls'],
      [Topics.account]: ['rules-engine.account', 'enforcement-service.account'],
      [Topics.alert]: ['alert-service.alerts', 'report-service.alert', 'enforcement-service.alert-record'],
      [Topics.assessment]: ['report-service.assessment'],
      [Topics.enforcement]: [
        'alert-service.enforcement',
        'rules-engine.enforcement',
        'enforcement-service.verifications',
      ],
    };
    // Valid JSON in a valid envelope, whose data fails the event's schema.
    const invalidType: Record<Topic, string> = {
      [Topics.project]: 'ProjectRegistered',
      [Topics.roster]: 'WorkerEnrolled',
      [Topics.account]: 'TransactionRecorded',
      [Topics.alert]: 'AlertRaised',
      [Topics.assessment]: 'MonthlyAssessmentCompleted',
      [Topics.enforcement]: 'CaseOpened',
    };
    // The poison is keyed by the project whose valid events follow it, so they share a partition and the valid
    // ones can be consumed only past the poison.
    const source = plan.projects.find((p) => p.account && p.workers.length > 0)!;
    const code = `POISON${randomBytes(3).toString('hex').toUpperCase()}`;
    const producer = new KafkaClient({
      brokers: kafka.brokers,
      clientId: 'faults-poison',
      topicPrefix: stack.topicPrefix,
      logger: pino({ level: 'silent' }),
    });
    const valid = Object.fromEntries(
      await Promise.all((Object.keys(consumers) as Topic[]).map(async (topic) => [topic, await read(topic)])),
    ) as Record<Topic, Awaited<ReturnType<typeof read>>>;
    const dlq = Object.fromEntries(
      await Promise.all(
        (Object.keys(consumers) as Topic[]).map(async (topic) => [topic, await read(deadLetterTopic(topic))]),
      ),
    ) as Record<Topic, Awaited<ReturnType<typeof read>>>;
    const now = new Date().toISOString();
    const poisonIds = new Set<string>();
    try {
      for (const topic of Object.keys(consumers) as Topic[]) {
        const invalid = {
          id: randomUUID(),
          type: invalidType[topic],
          schemaVersion: 1,
          occurredAt: now,
          recordedAt: now,
          projectCode: code,
          data: { code, workerId: 'not-a-uuid', amountFen: -1 },
        };
        poisonIds.add(invalid.id);
        await producer.send(topic, [
          { key: code, value: '{"id": "truncated' },
          { key: code, value: JSON.stringify(invalid) },
        ]);
      }
    } finally {
      await producer.close();
    }

    // The valid events behind the poison, through the public API: a project (project topic), its account
    // (account topic) and roll (roster topic), then an evaluation (alert and assessment topics).
    const admin = stack.secrets.ADMIN_API_KEY;
    const registered = await client.call<{ apiKey: string }>('POST', '/projects', {
      token: admin,
      body: {
        code,
        name: '毒丸消息测试项目',
        regionCode: source.regionCode,
        contractor: source.contractor,
        owner: source.owner,
        contractAmount: '1000000.00',
        startDate: source.startDate,
        payday: source.payday,
      },
    });
    // Answers only once wage-account-service has consumed the registration past the poison.
    await client.call('POST', '/wage-accounts', {
      token: keys.banks.get(source.bankCode)!,
      body: {
        projectCode: code,
        bankCode: source.bankCode,
        accountNumber: `${source.account!.accountNumber}9`,
        openedOn: source.startDate,
      },
      retryOnError: 'PROJECT_NOT_REGISTERED',
    });
    // A case opened for the project (enforcement topic): answers once enforcement-service has consumed the
    // registration past the poison.
    const inspector = staffToken(
      stack.secrets.JWT_SECRET,
      { sub: 'poison.inspector', region: source.regionCode },
      3_600,
    );
    await waitFor(
      () =>
        client
          .call('POST', '/cases', {
            token: inspector,
            body: { projectCode: code, summary: '毒丸消息后的立案' },
          })
          .then(() => true),
      { description: `a case opened for ${code}`, timeoutMs: 60_000, intervalMs: 1_000 },
    );
    const worker = source.workers[0];
    await client.call('PUT', `/projects/${code}/workers`, {
      token: registered.apiKey,
      body: {
        workers: [
          {
            idNumber: worker.idNumber,
            name: worker.name,
            bankCard: worker.bankCard,
            entryDate: source.startDate,
          },
        ],
      },
    });
    const processedBy = (schema: string, consumer: string, topicEvents: Envelope[]) =>
      pg
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${schema}".processed_events WHERE consumer = $1 AND event_id = ANY($2)`,
          [consumer, topicEvents.filter((e) => e.projectCode === code).map((e) => e.id)],
        )
        .then(({ rows }) => rows[0].n);
    const schemaOf = (consumer: string) =>
      ({
        'rules-engine': 'rules',
        'wage-account-service': 'wage_account',
        'alert-service': 'alerts',
        'report-service': 'reports',
        'enforcement-service': 'enforcement',
      })[consumer.split('.')[0]]!;
    const ofProject = (messages: Envelope[]) =>
      messages.filter((e) => e.projectCode === code && !poisonIds.has(e.id));

    // Evaluating the project's months until its alert and assessment events are out.
    await waitFor(
      async () => {
        for (const month of plan.months)
          await client.call('POST', '/evaluations', { token: admin, body: { projectCode: code, month } });
        return [Topics.alert, Topics.assessment].every(
          (topic) => ofProject(envelopes(valid[topic].reader.messages)).length > 0,
        );
      },
      { description: `alert and assessment events of ${code}`, timeoutMs: 60_000, intervalMs: 1_000 },
    );

    const checks: {
      topic: Topic;
      consumer: string;
      deadLettered: number;
      reasons: string[];
      processed: number;
    }[] = [];
    for (const topic of (Object.keys(consumers) as Topic[]).filter((t) => consumers[t].length > 0)) {
      const behind = ofProject(
        envelopes(
          await valid[topic].reader.waitFor((messages) => ofProject(envelopes(messages)).length > 0, {
            description: `the valid events of ${code} on ${topic}`,
            timeoutMs: 30_000,
          }),
        ),
      );
      for (const consumer of consumers[topic]) {
        const letters = await dlq[topic].reader.waitFor(
          (messages) => messages.filter((m) => m.headers['dlq-consumer'] === consumer).length >= 2,
          {
            description: `2 dead letters of ${consumer} on ${topic}.dlq`,
            // A consumer that crashed while the broker was away restarts on its own back-off; on a loaded machine
            // that has taken over a minute.
            timeoutMs: 120_000,
            intervalMs: 200,
          },
        );
        const processed = await waitFor(
          async () => (await processedBy(schemaOf(consumer), consumer, behind)) || false,
          { description: `${consumer} to process the valid events behind the poison`, timeoutMs: 60_000 },
        ).catch(() => 0);
        const mine = letters.filter((m) => m.headers['dlq-consumer'] === consumer);
        checks.push({
          topic,
          consumer,
          deadLettered: mine.filter((m) => m.key === code && m.headers['dlq-reason']).length,
          reasons: mine.map((m) => m.headers['dlq-reason']),
          processed,
        });
      }
    }
    // The effects behind the poison, seen through the API: the project's key works at alert-service, and its alerts
    // are there.
    const alerts = await client.call<{ total: number }>('GET', `/alerts?projectCode=${code}`, {
      token: registered.apiKey,
    });

    const failures = checks.flatMap((c) => [
      ...(c.deadLettered === 2
        ? []
        : [`${c.consumer} dead-lettered ${c.deadLettered} of 2 poison messages on ${c.topic}`]),
      ...(c.processed > 0 ? [] : [`${c.consumer} processed no valid event after the poison on ${c.topic}`]),
      ...(c.reasons.some((r) => r.startsWith('invalid message: value is not JSON')) &&
      c.reasons.some((r) => /invalid message: invalid \w+ data/.test(r))
        ? []
        : [`${c.consumer} reasons: ${JSON.stringify(c.reasons)}`]),
    ]);
    if (alerts.total === 0) failures.push(`alert-service shows no alert of ${code}`);
    report.add({
      check: 'poison message on every consumed topic: dead-lettered with the reason, consumption goes on',
      tried: checks.length * 2,
      held: checks.reduce((n, c) => n + (c.processed > 0 ? c.deadLettered : 0), 0),
      failures,
      figures: {
        topics: Object.keys(consumers).length,
        consumers: checks.length,
        'poison messages produced': Object.keys(consumers).length * 2,
        'dead letters': checks.reduce((n, c) => n + c.deadLettered, 0),
      },
    });
    expect(failures).toEqual([]);
  }, 420_000);
});
