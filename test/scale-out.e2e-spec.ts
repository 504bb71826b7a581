import { randomBytes } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testInfra } from '@wage/testing';
import { parseViolations, runSimulation, type SimulationResult } from '../apps/simulator/src/simulation';
import { expectTheGroundTruth, startDistrict, type District } from './support/district';

const SETTLE_SECONDS = 30;

/** The consumer groups whose partitions two instances must share: one per service and topic. */
const SHARED_GROUPS = [
  'rules-engine.project',
  'rules-engine.roster',
  'rules-engine.account',
  'alert-service.alerts',
] as const;

interface GroupShare {
  members: number;
  /** Partitions of each member, summed over the group's topics. */
  partitionsPerMember: number[];
}

/**
 * Scaled out as k8s runs it: two rules-engine and two alert-service instances, each service one consumer group.
 * A simulated district through them must give what one instance gives — every injected violation, no false alert
 * at any moment, a notification for each real one exactly once — with each group's partitions split between the two.
 */
describe('two instances of rules-engine and of alert-service', () => {
  let district: District;
  let result: SimulationResult;
  const shares = new Map<string, GroupShare>();
  let duplicateNotifications: unknown[] = [];
  let sentEmails = 0;
  const progress: string[] = [];

  beforeAll(async () => {
    district = await startDistrict({
      settleSeconds: SETTLE_SECONDS,
      replicas: { 'rules-engine': 2, 'alert-service': 2 },
    });
    result = await runSimulation({
      gateway: district.gateway.url,
      adminKey: district.secrets.ADMIN_API_KEY,
      region: '350206',
      projects: 16,
      workers: 10,
      months: 2,
      seed: `scale${randomBytes(3).toString('hex')}`,
      violations: parseViolations('all'),
      settleSeconds: SETTLE_SECONDS,
      settleTimeoutMs: 120_000,
      mailCatcher: district.mailWeb,
      log: (line) => progress.push(line),
    });

    // While both instances still run: how each group's partitions are assigned.
    const kafka = new Kafka({ brokers: testInfra().kafkaBrokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const groupIds = SHARED_GROUPS.map((name) => `${district.topicPrefix}${name}`);
      const { groups } = await admin.describeGroups(groupIds);
      for (const group of groups) {
        const partitionsPerMember = group.members.map((member) => {
          const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
          return Object.values(assignment?.assignment ?? {}).reduce(
            (n, partitions) => n + partitions.length,
            0,
          );
        });
        shares.set(group.groupId.slice(district.topicPrefix.length), {
          members: group.members.length,
          partitionsPerMember,
        });
      }
    } finally {
      await admin.disconnect();
    }

    const pg = new Client({ connectionString: district.database.url });
    await pg.connect();
    try {
      // The dedupe key is unique by construction; what could go twice is the sending, so count what was sent.
      duplicateNotifications = (
        await pg.query(
          `SELECT alert_ids, recipient, channel, reason, event, count(*)::int AS n FROM alerts.notifications
           GROUP BY alert_ids, recipient, channel, reason, event HAVING count(*) > 1`,
        )
      ).rows;
      sentEmails = (
        await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alerts.notifications WHERE channel = 'EMAIL' AND status = 'SENT'`,
        )
      ).rows[0].n;
    } finally {
      await pg.end();
    }
  }, 900_000);

  afterAll(async () => {
    await district?.stop();
  });

  it('raises every injected violation and nothing else at any moment, as one instance does', () => {
    console.log(`${progress.join('\n')}\n\n${result.summary}`);
    expectTheGroundTruth(result);
  });

  it('notifies each real violation once: no notification twice, one e-mail for each sent', () => {
    const comparison = result.comparison!;
    expect(comparison.notificationsForFalse).toBe(0);
    expect(comparison.notifications).toBeGreaterThan(0);
    expect(duplicateNotifications).toEqual([]);
    expect(comparison.mails?.total).toBe(sentEmails);
  });

  it("splits each consumer group's partitions between the two instances", () => {
    for (const name of SHARED_GROUPS) {
      const share = shares.get(name);
      expect({ name, members: share?.members }).toEqual({ name, members: 2 });
      // Three partitions a topic: each instance holds at least one.
      expect({ name, idle: share!.partitionsPerMember.filter((n) => n === 0).length }).toEqual({
        name,
        idle: 0,
      });
    }
  });
});
