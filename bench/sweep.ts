import { performance } from 'node:perf_hooks';
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
  const generateStart = performance.now();
  await generate(stack, projects, perProject, month);
  const generateMs = Math.round(performance.now() - generateStart);
  log(`sweep: generated ${projects} projects × ${perProject} workers for ${month} in ${generateMs} ms`);

  const runsOut: { seconds: number; answer: unknown }[] = [];
  let scans: unknown;
  for (let i = 0; i < runs; i += 1) {
    const before = await tableScans(stack);
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
    runsOut.push({ seconds: Math.round(seconds * 100) / 100, answer });
    log(`sweep run ${i + 1}: ${seconds.toFixed(1)} s ${JSON.stringify(answer)}`);
    if (i === 0) scans = diffScans(before, await tableScans(stack));
    await drainOutbox(stack);
  }
  // The read-model query the table scans point at (month-facts.repository cardRegistrations), for one project.
  const cardPlan = await stack.pg.query(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT o.id_hash, o.id_masked, o.name, o.card_hash, o.card_masked, o.project_code
     FROM rules.workers o
     WHERE o.card_hash IN (SELECT card_hash FROM rules.workers WHERE project_code = $1 AND card_hash IS NOT NULL)
     ORDER BY o.card_hash, o.project_code, o.id_hash`,
    ['BENCH-S-00001'],
  );
  const seconds = spread(runsOut.map((r) => r.seconds));
  const perMillion = (s: number) => Math.round((s * 1_000_000) / workerMonths);
  return {
    what:
      `${projects} projects × ${perProject} workers = ${projects * perProject} worker-months of ${month}, generated in SQL ` +
      `(${generateMs} ms); ${runs} runs of POST /evaluations {month} on one rules-engine; run 1 raises, later runs re-evaluate`,
    workerMonths: projects * perProject,
    tableScansDuringRun1: scans,
    cardRegistrationsPlan: cardPlan.rows.map((r) => r['QUERY PLAN']),
    runs: runsOut,
    seconds,
    workerMonthsPerSecond: Math.round((projects * perProject) / seconds.p50),
    extrapolatedSecondsFor1M: {
      note: 'linear in worker-months (one transaction per project-month, work per project grows with its roll); not measured',
      fromFastest: perMillion(seconds.min),
      fromSlowest: perMillion(seconds.max),
    },
  };
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
