import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import {
  MonthFactsRepository,
  type FactsTarget,
} from '../apps/rules-engine/src/evaluation/month-facts.repository';
import { SWEEP_BATCH_PROJECTS } from '../apps/rules-engine/src/evaluation/use-cases/evaluate-month/evaluate-month.use-case';
import { monthBack } from './fixtures';
import { type Stack } from './stack';
import { envInt, log, sleep, spread } from './stats';

/**
 * Month-close sweep: `POST /api/v1/evaluations { month, asOf }` on the rules-engine (directly: the gateway's
 * upstream timeout would cut a long sweep) over `worker-months` generated in SQL into its read model — projects
 * with a roll, attendance, a complete pay sheet, an appropriation, payroll to every worker and a deposit.
 */
export async function benchSweep(stack: Stack) {
  const workerMonths = envInt('BENCH_SWEEP_WORKER_MONTHS', 100_000);
  const perProject = envInt('BENCH_SWEEP_WORKERS_PER_PROJECT', 500);
  const runs = envInt('BENCH_SWEEP_RUNS', 2);
  const projects = Math.ceil(workerMonths / perProject);
  const month = monthBack(1);
  // SWEEP_CONCURRENCY: the stack starts the rules-engine without it, so its default (3) unless the engine's log
  // (BENCH_LOG_LEVEL=info) says otherwise.
  const defaultConcurrency = 3;
  const generateStart = performance.now();
  await generate(stack, projects, perProject, month);
  const generateMs = Math.round(performance.now() - generateStart);
  log(`sweep: generated ${projects} projects × ${perProject} workers for ${month} in ${generateMs} ms`);

  const runsOut: {
    seconds: number;
    msPerProjectMonth: number;
    answer: unknown;
    pgActiveMs: number;
    pgActiveShareOfSweepConnections: number;
    sweepConcurrency: number;
    engine: SweepLog | undefined;
    databaseShare: number | undefined;
  }[] = [];
  let scans: Scans = {};
  for (let i = 0; i < runs; i += 1) {
    const before = await tableScans(stack);
    const activeBefore = await activeMs(stack);
    const start = performance.now();
    const response = await fetch(`${stack.services['rules-engine'].url}/api/v1/evaluations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ month, asOf: new Date().toISOString() }),
      signal: AbortSignal.timeout(30 * 60_000),
    });
    const answer = await response.json();
    if (!response.ok)
      throw new Error(`POST /evaluations answered ${response.status}: ${JSON.stringify(answer)}`);
    const seconds = (performance.now() - start) / 1000;
    await sleep(1_500); // backends flush their statistics at most once a second
    const pgActiveMs = Math.round((await activeMs(stack)) - activeBefore);
    const engine = lastSweepLog(stack.services['rules-engine'].output());
    const concurrency = engine?.concurrency ?? defaultConcurrency;
    const evaluated = (answer as { evaluated: number }).evaluated;
    runsOut.push({
      seconds: Math.round(seconds * 100) / 100,
      msPerProjectMonth: Math.round(((seconds * 1000) / Math.max(1, evaluated)) * 100) / 100,
      answer,
      // Time PostgreSQL's backends of the bench database spent executing statements during the run (every
      // service's, but during the sweep nearly all are the sweep's), against the time of the sweep's
      // connections: the share of the sweep that was waiting on PostgreSQL.
      pgActiveMs,
      pgActiveShareOfSweepConnections:
        Math.round((pgActiveMs / (seconds * 1000 * concurrency)) * 1000) / 1000,
      sweepConcurrency: concurrency,
      // The engine's own account of each batch's time (logged at info: BENCH_LOG_LEVEL=info), awaiting PostgreSQL
      // against running the rules.
      engine,
      databaseShare:
        engine === undefined
          ? undefined
          : Math.round((engine.databaseMs / Math.max(1, engine.databaseMs + engine.rulesMs)) * 1000) / 1000,
    });
    log(`sweep run ${i + 1}: ${seconds.toFixed(1)} s ${JSON.stringify(answer)}`);
    if (i === 0) scans = diffScans(before, await tableScans(stack));
    await drainOutbox(stack);
  }
  const plans = await batchPlans(stack, Math.min(projects, SWEEP_BATCH_PROJECTS), month);
  const seconds = spread(runsOut.map((r) => r.seconds));
  const scansRun1 = Object.values(scans).reduce((total, t) => total + t.seq + t.idx, 0);
  const perMillion = (s: number) => Math.round((s * 1_000_000) / workerMonths);
  return {
    what:
      `${projects} projects × ${perProject} workers = ${projects * perProject} worker-months of ${month}, generated in SQL ` +
      `(${generateMs} ms); ${runs} runs of POST /evaluations {month} on one rules-engine; run 1 raises, later runs re-evaluate`,
    workerMonths: projects * perProject,
    tableScansDuringRun1: scans,
    // Load-independent: scans (sequential + index) of the read model per project-month during run 1.
    tableScansPerProjectMonthRun1: Math.round((scansRun1 / projects) * 100) / 100,
    factQueriesPerBatch: plans.length,
    batchProjects: SWEEP_BATCH_PROJECTS,
    batchFactPlans: plans,
    runs: runsOut,
    seconds,
    msPerProjectMonth: spread(runsOut.map((r) => r.msPerProjectMonth)),
    workerMonthsPerSecond: Math.round((projects * perProject) / seconds.p50),
    extrapolatedSecondsFor1M: {
      note: 'linear in worker-months (work per project grows with its roll); not measured',
      fromFastest: perMillion(seconds.min),
      fromSlowest: perMillion(seconds.max),
    },
  };
}

/** The figures the rules-engine logs at the end of a sweep (`sweep evaluated`). */
interface SweepLog {
  projectMonths: number;
  evaluated: number;
  batches: number;
  concurrency: number;
  ms: number;
  msPerProjectMonth: number;
  databaseMs: number;
  rulesMs: number;
}

function lastSweepLog(output: string): SweepLog | undefined {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => l.includes('"sweep evaluated"') || l.includes('sweep evaluated'));
  if (line === undefined) return undefined;
  try {
    return (JSON.parse(line.slice(line.indexOf('{'))) as { sweep?: SweepLog }).sweep;
  } catch {
    return undefined;
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each fact query of one sweep batch (the first `size` projects, the month swept),
 * as the rules-engine's MonthFactsRepository sends them: the repository is run against a recorder that executes
 * each query and keeps its text and parameters, then each is explained with the same parameters.
 */
async function batchPlans(stack: Stack, size: number, month: string) {
  const recorded: { sql: string; params: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, params: unknown[] = []) => {
      recorded.push({ sql, params });
      return (await stack.pg.query(sql, params)).rows;
    },
  } as unknown as EntityManager;
  const facts = new MonthFactsRepository();
  const codes = Array.from({ length: size }, (_, i) => `BENCH-S-${String(i + 1).padStart(5, '0')}`);
  const projects = await facts.projects(manager, codes);
  recorded.length = 0;
  const targets: FactsTarget[] = projects.map((project) => ({ project, month }));
  await facts.loadBatch(manager, targets, new Date(), []);
  const plans = [];
  for (const { sql, params } of recorded) {
    const { rows } = await stack.pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const lines = rows.map((r) => String(r['QUERY PLAN']));
    plans.push({
      query: sql.replace(/\s+/g, ' ').slice(0, 160),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN),
      plan: lines,
    });
  }
  return plans;
}

/** Milliseconds the bench database's backends have spent executing statements (PostgreSQL 14+). */
async function activeMs(stack: Stack): Promise<number> {
  await stack.pg.query(`SELECT pg_stat_clear_snapshot()`);
  const { rows } = await stack.pg.query<{ ms: number }>(
    `SELECT coalesce(active_time, 0)::float8 AS ms FROM pg_stat_database WHERE datname = current_database()`,
  );
  return rows[0]?.ms ?? 0;
}

type Scans = Record<string, { seq: number; seqRows: number; idx: number }>;

/** Sequential and index scans per read-model table: a sweep step that reads whole tables shows up here. */
async function tableScans(stack: Stack): Promise<Scans> {
  await stack.pg.query(`SELECT pg_stat_clear_snapshot()`);
  const { rows } = await stack.pg.query<{ t: string; seq: string; seqrows: string; idx: string }>(
    `SELECT relname AS t, seq_scan AS seq, seq_tup_read AS seqrows, coalesce(idx_scan, 0) AS idx
     FROM pg_stat_user_tables WHERE schemaname = 'rules'`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, { seq: +r.seq, seqRows: +r.seqrows, idx: +r.idx }]));
}

function diffScans(before: Scans, after: Scans) {
  return Object.fromEntries(
    Object.entries(after)
      .map(
        ([t, a]) =>
          [
            t,
            {
              seq: a.seq - (before[t]?.seq ?? 0),
              seqRows: a.seqRows - (before[t]?.seqRows ?? 0),
              idx: a.idx - (before[t]?.idx ?? 0),
            },
          ] as const,
      )
      .filter(([, d]) => d.seq > 0 || d.idx > 0)
      .sort((x, y) => y[1].seqRows - x[1].seqRows),
  );
}

/** Waits (up to 2 min) until the sweep's events are published, so they do not load the next benchmark. */
async function drainOutbox(stack: Stack) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { rows } = await stack.pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rules.outbox_events WHERE published_at IS NULL`,
    );
    if (rows[0].n === 0) return;
    await sleep(500);
  }
}

async function generate(stack: Stack, projects: number, perProject: number, month: string) {
  const q = (sql: string, params: unknown[] = []) => stack.pg.query(sql, params);
  const p = `FROM generate_series(1, $1::int) p`;
  const code = `'BENCH-S-' || lpad(p::text, 5, '0')`;
  await q(
    `INSERT INTO rules.projects SELECT ${code}, '基准工程' || p, '350211', '91350211BENCH' || lpad(p::text, 5, '0'),
       5000000000, '2024-01-01', 15, '2024-01-01T00:00:00Z' ${p}`,
    [projects],
  );
  await q(
    `INSERT INTO rules.project_status_changes SELECT ${code}, '2024-01-01', 'IN_CONSTRUCTION', '2024-01-01T00:00:00Z' ${p}`,
    [projects],
  );
  await q(`INSERT INTO rules.accounts SELECT 'BA-' || ${code}, ${code}, 'BENCHBANK', '2024-01-01' ${p}`, [
    projects,
  ]);
  await q(
    `INSERT INTO rules.deposits SELECT md5('dep' || p)::uuid, ${code}, 'CASH', 500000000, '2024-01-01', NULL, 'bench' ${p}`,
    [projects],
  );
  await q(
    `INSERT INTO rules.workers
       SELECT md5('w' || p || '-' || w)::uuid, ${code}, md5('id' || p || '-' || w), '350***********123X', '工人' || w,
              md5('card' || p || '-' || w), '6222 **** 1234', '2024-01-01', NULL
       ${p}, generate_series(1, $2::int) w`,
    [projects, perProject],
  );
  await q(
    `INSERT INTO rules.attendance SELECT project_code, $1, worker_id, id_hash, 22 FROM rules.workers
     WHERE project_code LIKE 'BENCH-S-%'`,
    [month],
  );
  await q(
    `INSERT INTO rules.attendance_months SELECT ${code}, $2, ($2 || '-28T00:00:00Z')::timestamptz ${p}`,
    [projects, month],
  );
  await q(
    `INSERT INTO rules.pay_sheet_submissions SELECT md5('sub' || p)::uuid, ${code}, $2, 1, ($2 || '-28T00:00:00Z')::timestamptz ${p}`,
    [projects, month],
  );
  await q(`INSERT INTO rules.pay_sheet_parts SELECT md5('sub' || p)::uuid, 0 ${p}`, [projects]);
  await q(
    `INSERT INTO rules.pay_sheets SELECT ${code}, $2, md5('sub' || p)::uuid, ($2 || '-28T00:00:00Z')::timestamptz,
       ($2 || '-28T00:00:00Z')::timestamptz ${p}`,
    [projects, month],
  );
  await q(
    `INSERT INTO rules.pay_sheet_lines
       SELECT md5('sub' || substr(project_code, 9)::int)::uuid, worker_id, id_hash, 990000, 900000
       FROM rules.workers WHERE project_code LIKE 'BENCH-S-%'`,
  );
  await q(
    `INSERT INTO rules.transactions
       SELECT 'BA-' || ${code}, 'APP-' || p, ${code}, ($2 || '-01T02:00:00Z')::timestamptz, 'CREDIT', 'APPROPRIATION',
              $3::bigint * 990000, NULL, '城市建设投资集团有限公司', md5('owner' || p), '****0001', NULL, NULL ${p}`,
    [projects, month, perProject],
  );
  await q(
    `INSERT INTO rules.transactions
       SELECT 'BA-' || project_code, 'PAY-' || worker_id, project_code, ($1 || '-28T02:00:00Z')::timestamptz, 'DEBIT',
              'PAYROLL', 900000, $1, name, card_hash, card_masked, id_hash, id_masked
       FROM rules.workers WHERE project_code LIKE 'BENCH-S-%'`,
    [month],
  );
  await q(`ANALYZE`);
}
