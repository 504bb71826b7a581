import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Topics } from '@wage/contracts';
import { TopicReader, waitFor, type ServiceProcess } from '@wage/testing';
import { ApiClient } from '../../apps/simulator/src/api-client';
import { evaluateAndCompare, formatComparison, lastingFalseAlerts } from '../../apps/simulator/src/compare';
import { planDistrict } from '../../apps/simulator/src/plan';
import { pushDistrict } from '../../apps/simulator/src/push';
import { parseViolations } from '../../apps/simulator/src/simulation';
import { groundTruth } from '../../apps/simulator/src/truth';
import { alertLifecycle, outboxPending, readToEnd, rulesEngineApplied, rulesEngineCaughtUp } from './faults';
import { ReliabilityReport } from './report';
import { startStack, type Stack } from './stack';

/**
 * Issue 11, the rules engine's part: killed (SIGKILL, no shutdown hook) in the middle of a large burst of roster and
 * account events and started again on the same database and topics, it must end with no alert missing and none
 * raised twice. The figures go to the reliability report, section `faults-rules-engine`.
 */
describe('faults: rules-engine killed in the middle of a batch', () => {
  const report = new ReliabilityReport('faults-rules-engine');
  let stack: Stack;
  let pg: Client;
  let rulesEngine: ServiceProcess;
  let alertEvents: TopicReader | undefined;

  beforeAll(async () => {
    stack = await startStack();
    pg = new Client({ connectionString: stack.database.url });
    await pg.connect();
    rulesEngine = stack.services.find((s) => s.name === 'rules-engine')!;
  }, 180_000);

  afterAll(async () => {
    report.write();
    await alertEvents?.stop().catch(() => undefined);
    await pg?.end().catch(() => undefined);
    await stack?.stop();
  }, 120_000);

  it('raises every alert of the ground truth exactly once after a kill and a restart mid-burst', async () => {
    // The burst: the engine is down while a district of about 4,000 events is pushed, so it finds them all
    // waiting in Kafka when it comes back.
    await rulesEngine.stop();
    const plan = planDistrict({
      plainDelivery: true,
      seed: `fr${randomBytes(3).toString('hex')}`,
      regionCode: '350206',
      projects: 16,
      workers: 80,
      months: 2,
      violations: parseViolations('all'),
      asOf: new Date(),
    });
    const client = new ApiClient(stack.gateway.url);
    await pushDistrict(client, stack.secrets.ADMIN_API_KEY, plan);
    for (const schema of ['roster', 'wage_account'])
      await waitFor(async () => (await outboxPending(pg, schema)) === 0, {
        description: `the ${schema} outbox to drain`,
        timeoutMs: 60_000,
      });
    const { published: total } = await rulesEngineApplied(pg);

    await rulesEngine.start();
    // Killed once it has applied part of the burst: its consumers are in the middle of their batches.
    const atKill = await waitFor(
      async () => {
        const { applied } = await rulesEngineApplied(pg);
        return applied >= total / 5 && applied;
      },
      { description: 'the rules engine to apply a fifth of the burst', timeoutMs: 120_000, intervalMs: 50 },
    );
    const exit = await rulesEngine.kill();
    const { applied: afterKill } = await rulesEngineApplied(pg);
    const { rows: queued } = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rules.pending_evaluations`,
    );

    await rulesEngine.start();
    await rulesEngineCaughtUp(pg);
    const caughtUpAt = new Date();
    alertEvents = await TopicReader.start(`${stack.topicPrefix}${Topics.alert}`);
    // Evaluated live after the burst, each round compared with the truth as of that round: attendance and pay
    // sheets count from when they were reported. This stack raises absence verdicts at once
    // (ALERT_SETTLE_SECONDS=0), so catching up the burst raised some on partial data (a project's payments consumed
    // before its roll, a roll before its attendance) that the rest of the burst cleared by the time the engine had
    // caught up: reported, not failures. Any other false alert — standing, closed by someone, or cleared only later
    // — is one. The ledgers are compared with the truth of the last round.
    let truth = groundTruth(plan, new Date());
    const comparison = await evaluateAndCompare(
      client,
      stack.secrets.ADMIN_API_KEY,
      (at) => (truth = groundTruth(plan, at)),
      { timeoutMs: 90_000, caughtUpAt, log: () => undefined },
    );
    const lasting = lastingFalseAlerts(comparison, caughtUpAt);
    const ours = new Set(plan.projects.map((p) => p.code));
    const life = alertLifecycle(
      await readToEnd(alertEvents, stack.env.KAFKA_BROKERS.split(','), `${stack.topicPrefix}${Topics.alert}`),
      ours,
    );
    const expected = new Set(
      truth.projects.flatMap((p) => p.expected.map((e) => `${p.code}|${e.code}|${e.month ?? ''}`)),
    );
    const ledger = async (sql: string) =>
      new Set((await pg.query<{ key: string }>(sql, [[...ours]])).rows.map((r) => r.key));
    // The engine's alert ledger and alert-service's cases: one row per key, the standing ones equal to the truth.
    const engineOpen = await ledger(
      `SELECT project_code || '|' || code || '|' || coalesce(month, '') AS key FROM rules.alerts
        WHERE status = 'OPEN' AND project_code = ANY($1)`,
    );
    const casesStanding = await ledger(
      `SELECT project_code || '|' || code || '|' || coalesce(month, '') AS key FROM alerts.alerts
        WHERE status IN ('OPEN', 'ACKNOWLEDGED') AND project_code = ANY($1)`,
    );
    const difference = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k));
    const raisedTwice = [...life.raised].filter(([, n]) => n > 1);

    const failures = [
      ...(atKill < total && afterKill < total
        ? []
        : [`the kill came after the whole burst was applied (${afterKill} of ${total})`]),
      ...comparison.missed.map((a) => `missed ${a.code} ${a.projectCode} ${a.month ?? ''}`),
      ...lasting.map(
        (a) =>
          `false ${a.code} ${a.projectCode} ${a.month ?? ''} (${a.status}${a.clearedAt ? ` ${a.clearedAt}` : ''})`,
      ),
      ...raisedTwice.map(([key, n]) => `${key} raised ${n} times on ${Topics.alert}`),
      ...life.outOfOrder,
      ...difference(expected, life.standing).map((k) => `${k} expected, not standing after the events`),
      ...difference(life.standing, expected).map((k) => `${k} standing after the events, not expected`),
      ...difference(expected, engineOpen).map((k) => `${k} expected, not open in rules.alerts`),
      ...difference(engineOpen, expected).map((k) => `${k} open in rules.alerts, not expected`),
      ...difference(expected, casesStanding).map((k) => `${k} expected, not standing in alerts.alerts`),
      ...difference(casesStanding, expected).map((k) => `${k} standing in alerts.alerts, not expected`),
    ];
    report.add({
      check:
        'rules-engine killed (SIGKILL) mid-burst and restarted: each alert raised once, equal to the truth',
      tried: expected.size,
      held: [...expected].filter((k) => life.raised.get(k) === 1 && engineOpen.has(k) && casesStanding.has(k))
        .length,
      failures,
      figures: {
        'events in the burst': total,
        'applied when killed': afterKill,
        'project-months queued for evaluation when killed': queued[0].n,
        'exit signal': String(exit.signal),
        'alerts expected': expected.size,
        'AlertRaised events': [...life.raised.values()].reduce((n, c) => n + c, 0),
        'raised more than once': raisedTwice.length,
        'alert events republished under the same id (skipped by consumers)': life.republished,
        missed: comparison.missed.length,
        false: lasting.length,
        'raised on partial data while catching up, cleared by the data that followed by then':
          comparison.falseAlerts.length - lasting.length,
      },
    });
    expect(exit.signal).toBe('SIGKILL');
    expect({ failures, summary: formatComparison(comparison) }).toEqual({
      failures: [],
      summary: expect.any(String),
    });
  }, 540_000);
});
