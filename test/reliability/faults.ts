import { Kafka, logLevel } from 'kafkajs';
import type { Client } from 'pg';
import { BlindIndex } from '@wage/platform';
import { type ReadMessage, type TopicReader, waitFor } from '@wage/testing';
import type { DistrictPlan } from '../../apps/simulator/src/plan';

/** What the fault tests read of an event: the envelope with its payload untyped. */
export interface Envelope {
  id: string;
  type: string;
  projectCode: string;
  data: Record<string, unknown>;
}

/** The messages that parse as JSON envelopes (a poison message a test produced does not). */
export function envelopes(messages: readonly ReadMessage[]): Envelope[] {
  return messages.flatMap((m) => {
    try {
      const value = JSON.parse(m.value ?? '') as Envelope | null;
      return value && typeof value.id === 'string' && value.data ? [value] : [];
    } catch {
      return [];
    }
  });
}

const INGEST = ['workers', 'attendance', 'payLines', 'transactions'] as const;
export type IngestKind = (typeof INGEST)[number];

/** The business keys of every row the ingest carried, each with how many times it was carried. */
export type IngestTally = Record<IngestKind, Map<string, number>>;

/**
 * Business keys of the rows the district's push accepts: a worker per project and identity, an attendance
 * record and a pay line per project, month and identity, a transaction per account and serial number. Identities
 * are keyed by their blind index, as the events carry them.
 */
export function plannedIngest(plan: DistrictPlan, blindIndexKey: string): Record<IngestKind, Set<string>> {
  const index = new BlindIndex(Buffer.from(blindIndexKey, 'base64'));
  const id = (idNumber: string) => index.hash('id', idNumber);
  const keys = { workers: [], attendance: [], payLines: [], transactions: [] } as Record<
    IngestKind,
    string[]
  >;
  for (const p of plan.projects) {
    keys.workers.push(...p.workers.map((w) => `${p.code}|${id(w.idNumber)}`));
    for (const { month, records } of p.attendance)
      keys.attendance.push(...records.map((r) => `${p.code}|${month}|${id(r.idNumber)}`));
    for (const { month, lines } of p.paySheets)
      keys.payLines.push(...lines.map((l) => `${p.code}|${month}|${id(l.idNumber)}`));
    if (p.account)
      keys.transactions.push(...p.transactions.map((t) => `${p.account!.accountNumber}|${t.serialNo}`));
  }
  return Object.fromEntries(INGEST.map((kind) => [kind, new Set(keys[kind])])) as Record<
    IngestKind,
    Set<string>
  >;
}

export function tallyIngest(events: readonly Envelope[]): IngestTally {
  const tally: IngestTally = {
    workers: new Map(),
    attendance: new Map(),
    payLines: new Map(),
    transactions: new Map(),
  };
  const add = (kind: IngestKind, key: string) => tally[kind].set(key, (tally[kind].get(key) ?? 0) + 1);
  for (const { type, projectCode, data } of events) {
    if (type === 'WorkerEnrolled') add('workers', `${projectCode}|${String(data.idHash)}`);
    if (type === 'AttendanceReported')
      for (const r of data.records as { idHash: string }[])
        add('attendance', `${projectCode}|${data.month}|${r.idHash}`);
    if (type === 'PaySheetSubmitted')
      for (const l of data.lines as { idHash: string }[])
        add('payLines', `${projectCode}|${data.month}|${l.idHash}`);
    if (type === 'TransactionRecorded') add('transactions', `${data.accountNumber}|${data.serialNo}`);
  }
  return tally;
}

/** Per kind: rows planned, rows carried, carried more than once, planned but never carried, carried unplanned. */
export function compareIngest(planned: Record<IngestKind, Set<string>>, tally: IngestTally) {
  return Object.fromEntries(
    INGEST.map((kind) => {
      const carried = tally[kind];
      return [
        kind,
        {
          planned: planned[kind].size,
          carried: carried.size,
          duplicated: [...carried.values()].filter((n) => n > 1).length,
          missing: [...planned[kind]].filter((key) => !carried.has(key)).length,
          unplanned: [...carried.keys()].filter((key) => !planned[kind].has(key)).length,
        },
      ];
    }),
  ) as Record<
    IngestKind,
    { planned: number; carried: number; duplicated: number; missing: number; unplanned: number }
  >;
}

/** How many times each value occurs more than once. */
export function repeated(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1));
}

/** Events in a service's outbox: all of them, or only those the relay has not published yet. */
export async function outboxEvents(pg: Client, schema: string, pendingOnly: boolean): Promise<Envelope[]> {
  const { rows } = await pg.query<{ payload: Envelope }>(
    `SELECT payload FROM "${schema}".outbox_events ${pendingOnly ? 'WHERE published_at IS NULL' : ''} ORDER BY seq`,
  );
  return rows.map((r) => r.payload);
}

/** The topics a service's outbox has written events for (a schema's events may go to several topics). */
export async function outboxTopics(pg: Client, schema: string): Promise<string[]> {
  const { rows } = await pg.query<{ topic: string }>(
    `SELECT DISTINCT topic FROM "${schema}".outbox_events ORDER BY topic`,
  );
  return rows.map((r) => r.topic);
}

export async function outboxPending(pg: Client, schema: string): Promise<number> {
  const { rows } = await pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${schema}".outbox_events WHERE published_at IS NULL`,
  );
  return rows[0].n;
}

/**
 * Waits until a reader has read every message the topic holds now (its end offsets), so a count of what it read
 * is the count of what was published — a duplicate published late cannot hide behind an early look.
 */
export async function readToEnd(
  reader: TopicReader,
  brokers: string[],
  topic: string,
): Promise<ReadMessage[]> {
  const kafka = new Kafka({ brokers, clientId: 'faults-offsets', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const total = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    return await reader.waitFor((messages) => messages.length >= total, {
      description: `all ${total} messages of ${topic}`,
      timeoutMs: 60_000,
      intervalMs: 200,
    });
  } finally {
    await admin.disconnect();
  }
}

export interface AlertLifecycle {
  /** AlertRaised per (projectCode, code, month). */
  raised: Map<string, number>;
  /** A raise of a key already standing, or an update or clear of one not standing: a duplicated or lost step. */
  outOfOrder: string[];
  /** The keys standing after the last event. */
  standing: Set<string>;
  /** Events published again under the same id (the relay is at-least-once); consumers skip them, and so does this. */
  republished: number;
}

/** Replays the alert events of some projects in partition order (one project's events share a partition). */
export function alertLifecycle(
  messages: readonly ReadMessage[],
  projectCodes: ReadonlySet<string>,
): AlertLifecycle {
  const life: AlertLifecycle = { raised: new Map(), outOfOrder: [], standing: new Set(), republished: 0 };
  const seen = new Set<string>();
  const ordered = [...messages].sort(
    (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
  );
  for (const { id, type, data } of envelopes(ordered)) {
    if (seen.has(id)) {
      life.republished += 1;
      continue;
    }
    seen.add(id);
    const { projectCode, code, month } = data as { projectCode: string; code: string; month: string | null };
    if (!projectCodes.has(projectCode)) continue;
    const key = `${projectCode}|${code}|${month ?? ''}`;
    if (type === 'AlertRaised') {
      life.raised.set(key, (life.raised.get(key) ?? 0) + 1);
      if (life.standing.has(key)) life.outOfOrder.push(`${key} raised while standing`);
      life.standing.add(key);
    } else if (type === 'AlertUpdated') {
      if (!life.standing.has(key)) life.outOfOrder.push(`${key} updated while not standing`);
    } else if (type === 'AlertCleared') {
      if (!life.standing.delete(key)) life.outOfOrder.push(`${key} cleared while not standing`);
    }
  }
  return life;
}

/** Polls a count query until it counts at least one row; returns the count. */
export function waitForRows(
  pg: Client,
  sql: string,
  params: unknown[],
  description: string,
): Promise<number> {
  return waitFor(
    async () => {
      const { rows } = await pg.query<{ n: number }>(sql, params);
      return rows[0].n > 0 && rows[0].n;
    },
    { description, timeoutMs: 60_000, intervalMs: 200 },
  );
}

const RULES_ENGINE_CONSUMERS = ['rules-engine.project', 'rules-engine.roster', 'rules-engine.account'];

/** How many of the upstream events (everything roster-service and wage-account-service published) the engine applied. */
export async function rulesEngineApplied(pg: Client): Promise<{ applied: number; published: number }> {
  const { rows } = await pg.query<{ applied: number; published: number }>(
    `SELECT (SELECT count(*)::int FROM rules.processed_events WHERE consumer = ANY($1)) AS applied,
            (SELECT count(*)::int FROM roster.outbox_events) + (SELECT count(*)::int FROM wage_account.outbox_events)
              AS published`,
    [RULES_ENGINE_CONSUMERS],
  );
  return rows[0];
}

/** Waits until the engine has applied every upstream event and evaluated every project-month they queued. */
export function rulesEngineCaughtUp(pg: Client, timeoutMs = 120_000): Promise<true> {
  return waitFor(
    async () => {
      const { applied, published } = await rulesEngineApplied(pg);
      if (applied < published) return false;
      const { rows } = await pg.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM rules.pending_evaluations`,
      );
      return rows[0].n === 0;
    },
    {
      description: 'the rules engine to apply and evaluate every upstream event',
      timeoutMs,
      intervalMs: 250,
    },
  );
}
