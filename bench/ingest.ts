import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bank, project, transactionRow, workerRow, type BenchProject } from './fixtures';
import { api, type Stack } from './stack';
import { envInt, log, sleep, spread } from './stats';

const BATCH = 5_000;
/** Issue 23 item 2: through the gateway at least half of raw COPY's rate, and a 5,000-row batch answered within 1.5 s. */
const TARGET_SHARE_OF_COPY = 0.5;
const TARGET_BATCH_P95_SECONDS = 1.5;

interface Round {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Ingest through the gateway: `clients` concurrent clients (one project each) send `batches` 5,000-row batches
 * each, one after another; a round's rate is all its rows over its wall time. Payloads are built and serialised
 * before the clock starts, so the client's own CPU (on the same 2 cores) costs the service as little as possible.
 */
export async function benchIngest(stack: Stack) {
  const clients = envInt('BENCH_INGEST_CLIENTS', 4);
  const batches = envInt('BENCH_INGEST_BATCHES', 2);
  const rounds = envInt('BENCH_INGEST_ROUNDS', 3);
  await bank(stack);
  const bankKey = await bank(stack);
  const workers: Round[] = [];
  const transactions: Round[] = [];
  const batchSeconds = { workers: [] as number[], transactions: [] as number[] };
  const cpu = { workers: {} as CpuSeconds, transactions: {} as CpuSeconds, settling: {} as CpuSeconds };
  const cpuDuring = async <T>(into: CpuSeconds, work: () => Promise<T>): Promise<T> => {
    const before = stack.cpuSeconds();
    const result = await work();
    const after = stack.cpuSeconds();
    for (const [name, seconds] of Object.entries(after))
      into[name] = (into[name] ?? 0) + seconds - (before[name] ?? 0);
    return result;
  };
  const month = new Date(Date.now() - 40 * 86_400_000);
  for (let round = 1; round <= rounds; round += 1) {
    const projects: BenchProject[] = [];
    for (let c = 0; c < clients; c += 1)
      projects.push(await project(stack, `BENCH-I${round}-${c}`, '350205'));
    const rollPayloads = projects.map(() =>
      Array.from({ length: batches }, () =>
        JSON.stringify({ workers: Array.from({ length: BATCH }, workerRow) }),
      ),
    );
    workers.push(
      await cpuDuring(cpu.workers, () =>
        timedRound(clients * batches * BATCH, projects, rollPayloads, batchSeconds.workers, (p, body) =>
          api(stack.gateway, 'PUT', `/projects/${p.code}/workers`, p.apiKey, body),
        ),
      ),
    );
    log(
      `ingest round ${round}: worker roll ${workers.at(-1)!.rowsPerSecond} rows/s, ` +
        `slowest batch ${Math.max(...batchSeconds.workers.slice(-clients * batches)).toFixed(2)} s`,
    );
    const txPayloads = projects.map(() =>
      Array.from({ length: batches }, () =>
        JSON.stringify({
          transactions: Array.from({ length: BATCH }, (_, i) =>
            transactionRow(i === 0 ? 'APPROPRIATION' : 'PAYROLL', month, i === 0 ? '2000000.00' : '300.00'),
          ),
        }),
      ),
    );
    transactions.push(
      await cpuDuring(cpu.transactions, () =>
        timedRound(clients * batches * BATCH, projects, txPayloads, batchSeconds.transactions, (p, body) =>
          api(stack.gateway, 'POST', `/wage-accounts/${p.accountNumber}/transactions`, bankKey, body),
        ),
      ),
    );
    log(
      `ingest round ${round}: transactions ${transactions.at(-1)!.rowsPerSecond} rows/s, ` +
        `slowest batch ${Math.max(...batchSeconds.transactions.slice(-clients * batches)).toFixed(2)} s`,
    );
  }
  // The reference runs on a machine as quiet as the ingest found it: after the pipeline has applied what was sent.
  const settled = await cpuDuring(cpu.settling, () => settlePipeline(stack));
  log(
    `ingest: pipeline settled ${settled.seconds} s after the last batch${settled.settled ? '' : ' (deadline hit)'}`,
  );
  for (const [phase, seconds] of Object.entries(cpu))
    log(`ingest CPU seconds, ${phase}: ${JSON.stringify(cpuFigures(seconds, 1).seconds)}`);
  const copy = await rawCopy(stack, rounds);
  const median = (rs: Round[]) => spread(rs.map((r) => r.rowsPerSecond)).p50;
  const shareOfCopy = {
    workerRoll: ratio(median(workers), copy['roster.workers'].copy.rowsPerSecond.p50),
    transactions: ratio(median(transactions), copy['wage_account.transactions'].copy.rowsPerSecond.p50),
  };
  const batchP95 = {
    workerRoll: spread(batchSeconds.workers).p95,
    transactions: spread(batchSeconds.transactions).p95,
  };
  return {
    what:
      `${clients} concurrent clients × ${batches} batches × ${BATCH} rows per round, ${rounds} rounds, through the ` +
      'gateway (validation, encryption, blind index, outbox) — PUT /projects/{code}/workers and ' +
      'POST /wage-accounts/{n}/transactions',
    workerRoll: {
      rounds: workers,
      rowsPerSecond: spread(workers.map((r) => r.rowsPerSecond)),
      batchSeconds: spread(batchSeconds.workers),
    },
    transactions: {
      rounds: transactions,
      rowsPerSecond: spread(transactions.map((r) => r.rowsPerSecond)),
      batchSeconds: spread(batchSeconds.transactions),
    },
    reference: copy,
    /** Seconds from the last batch's answer until the read models had every row and no evaluation was queued. */
    pipelineSettledBeforeReference: settled,
    shareOfCopy,
    /** Seconds from sending a 5,000-row batch to its answer, 95th percentile over every batch of every round. */
    batchP95SecondsPer5000Rows: batchP95,
    targets: {
      shareOfCopy: TARGET_SHARE_OF_COPY,
      batchP95Seconds: TARGET_BATCH_P95_SECONDS,
      met: {
        workerRoll:
          shareOfCopy.workerRoll >= TARGET_SHARE_OF_COPY && batchP95.workerRoll <= TARGET_BATCH_P95_SECONDS,
        transactions:
          shareOfCopy.transactions >= TARGET_SHARE_OF_COPY &&
          batchP95.transactions <= TARGET_BATCH_P95_SECONDS,
      },
    },
    /**
     * CPU seconds each process used while the clients sent the roll, while they sent the transactions (every round
     * summed), and while the pipeline settled afterwards; with CPU microseconds per row sent. Two cores give
     * 2 s of CPU per second of wall time: the phases' sum against that is what the rows cost the whole platform.
     */
    cpu: {
      workerRoll: cpuFigures(cpu.workers, rounds * clients * batches * BATCH),
      transactions: cpuFigures(cpu.transactions, rounds * clients * batches * BATCH),
      settling: cpuFigures(cpu.settling, 2 * rounds * clients * batches * BATCH),
    },
    shareOfUnnest: {
      workerRoll: ratio(median(workers), copy['roster.workers'].unnest.rowsPerSecond.p50),
      transactions: ratio(median(transactions), copy['wage_account.transactions'].unnest.rowsPerSecond.p50),
    },
  };
}

/**
 * Waits (up to 5 min) until the rules engine's read model holds every worker and transaction the services stored and
 * its evaluation queue and outbox are empty, so that raw COPY is not measured against the ingest's backlog.
 */
async function settlePipeline(stack: Stack): Promise<{ seconds: number; settled: boolean }> {
  const start = performance.now();
  const seconds = () => Math.round((performance.now() - start) / 100) / 10;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const { rows } = await stack.pg.query<{ behind: boolean }>(
      `SELECT (SELECT count(*) FROM rules.workers) < (SELECT count(*) FROM roster.workers)
           OR (SELECT count(*) FROM rules.transactions) < (SELECT count(*) FROM wage_account.transactions)
           OR EXISTS (SELECT 1 FROM rules.pending_evaluations)
           OR EXISTS (SELECT 1 FROM rules.outbox_events WHERE published_at IS NULL) AS behind`,
    );
    if (!rows[0].behind) return { seconds: seconds(), settled: true };
    await sleep(500);
  }
  return { seconds: seconds(), settled: false };
}

type CpuSeconds = Record<string, number>;

function cpuFigures(seconds: CpuSeconds, rows: number) {
  const sorted = Object.entries(seconds).sort(([, a], [, b]) => b - a);
  const total = sorted.reduce((sum, [, s]) => sum + s, 0);
  return {
    seconds: Object.fromEntries(sorted.map(([name, s]) => [name, Math.round(s * 10) / 10])),
    totalSeconds: Math.round(total * 10) / 10,
    microsecondsPerRow: Object.fromEntries(sorted.map(([name, s]) => [name, Math.round((s / rows) * 1e6)])),
  };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

async function timedRound(
  rows: number,
  projects: BenchProject[],
  payloads: string[][],
  batchSeconds: number[],
  send: (p: BenchProject, body: string) => Promise<unknown>,
): Promise<Round> {
  const start = performance.now();
  await Promise.all(
    projects.map(async (p, c) => {
      for (const body of payloads[c]) {
        const t = performance.now();
        await send(p, body);
        batchSeconds.push((performance.now() - t) / 1000);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds) };
}

/**
 * The same rows the services stored, loaded again into tables `LIKE` theirs (same columns, keys and indexes):
 * psql's `\copy` is the physical limit; `INSERT … SELECT FROM unnest($1::text[], …)` in 5,000-row statements on
 * one connection is the set-based SQL the services are meant to use.
 */
async function rawCopy(stack: Stack, rounds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'wage-bench-'));
  const url = stack.env.DATABASE_URL;
  const psql = (command: string) =>
    execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', command], { encoding: 'utf8' });
  const out: Record<
    string,
    {
      rows: number;
      copy: { rowsPerSecond: ReturnType<typeof spread>; postgresCpuMicrosecondsPerRow: number };
      unnest: { rowsPerSecond: ReturnType<typeof spread> };
    }
  > = {};
  try {
    for (const table of ['roster.workers', 'wage_account.transactions']) {
      const file = join(dir, `${table}.csv`);
      const copyTable = `public.bench_${table.replace('.', '_')}`;
      psql(`\\copy ${table} TO '${file}' CSV`);
      psql(`CREATE TABLE ${copyTable} (LIKE ${table} INCLUDING ALL)`);
      const rows = Number(psql(`SELECT count(*) FROM ${table}`).trim());
      const copyRates: number[] = [];
      let copyCpuSeconds = 0;
      for (let i = 0; i < rounds; i += 1) {
        psql(`TRUNCATE ${copyTable}`);
        const cpuBefore = stack.cpuSeconds().postgres;
        const start = performance.now();
        psql(`\\copy ${copyTable} FROM '${file}' CSV`);
        copyRates.push(Math.round(rows / ((performance.now() - start) / 1000)));
        copyCpuSeconds += stack.cpuSeconds().postgres - cpuBefore;
      }
      const unnestRates: number[] = [];
      const columns = (
        await stack.pg.query<{ name: string; type: string }>(
          `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
           WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
          [table],
        )
      ).rows;
      const select = columns.map((c) => `"${c.name}"::text`).join(', ');
      const { rows: data } = await stack.pg.query({
        text: `SELECT ${select} FROM ${table}`,
        rowMode: 'array',
      });
      const names = columns.map((c) => `"${c.name}"`).join(', ');
      const unnestArgs = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
      const casts = columns.map((c, i) => `c${i}::${c.type}`).join(', ');
      const aliases = columns.map((_, i) => `c${i}`).join(', ');
      const sql = `INSERT INTO ${copyTable} (${names}) SELECT ${casts} FROM unnest(${unnestArgs}) AS u(${aliases})`;
      for (let i = 0; i < rounds; i += 1) {
        await stack.pg.query(`TRUNCATE ${copyTable}`);
        const client = await stack.pg.connect();
        const start = performance.now();
        try {
          for (let offset = 0; offset < data.length; offset += BATCH) {
            const chunk = data.slice(offset, offset + BATCH) as unknown[][];
            await client.query(
              sql,
              columns.map((_, col) => chunk.map((row) => row[col])),
            );
          }
        } finally {
          client.release();
        }
        unnestRates.push(Math.round(rows / ((performance.now() - start) / 1000)));
      }
      psql(`DROP TABLE ${copyTable}`);
      out[table] = {
        rows,
        copy: {
          rowsPerSecond: spread(copyRates),
          // What the same rows cost PostgreSQL through COPY, to set beside the ingest's `cpu.*.microsecondsPerRow`.
          postgresCpuMicrosecondsPerRow: Math.round((copyCpuSeconds / (rows * rounds)) * 1e6),
        },
        unnest: { rowsPerSecond: spread(unnestRates) },
      };
      log(
        `raw ${table}: COPY p50 ${out[table].copy.rowsPerSecond.p50} rows/s, unnest p50 ${out[table].unnest.rowsPerSecond.p50} rows/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
