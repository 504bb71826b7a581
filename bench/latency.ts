import { performance } from 'node:perf_hooks';
import { bank, project, transactionRow, type BenchProject } from './fixtures';
import { api, type Stack } from './stack';
import { envInt, log, sleep, spread } from './stats';

/**
 * From a transaction accepted by the gateway (its 2xx answer) to alert-service holding the resulting alert: each
 * probe is a TRANSFER out of a project's dedicated account in a month that has no FUNDS_DIVERTED alert yet, so it
 * raises a new one, travelling wage-account outbox → Kafka → rules-engine → outbox → Kafka → alert-service.
 * A background client meanwhile sends 500-row payroll batches on other projects: the steady load.
 */
export async function benchLatency(stack: Stack) {
  const probes = envInt('BENCH_LATENCY_PROBES', 60);
  const intervalMs = envInt('BENCH_LATENCY_INTERVAL_MS', 500);
  const loadRows = envInt('BENCH_LATENCY_LOAD_ROWS', 500);
  const bankKey = await bank(stack);
  const months = [new Date(), new Date(Date.now() - 35 * 86_400_000)];
  const projectCount = Math.ceil(probes / months.length);
  const projects: BenchProject[] = [];
  for (let i = 0; i < projectCount; i += 1) projects.push(await project(stack, `BENCH-L-${i}`, '350206'));
  const loadProjects = [
    await project(stack, 'BENCH-LOAD-0', '350206'),
    await project(stack, 'BENCH-LOAD-1', '350206'),
  ];

  let loading = true;
  let loadSent = 0;
  let loadError: string | undefined;
  const load = (async () => {
    for (let i = 0; loading; i += 1) {
      const p = loadProjects[i % loadProjects.length];
      const started = Date.now();
      const rows = Array.from({ length: loadRows }, (_, j) =>
        transactionRow(
          j === 0 ? 'APPROPRIATION' : 'PAYROLL',
          new Date(Date.now() - 60_000),
          j === 0 ? '500000.00' : '300.00',
        ),
      );
      await api(stack.gateway, 'POST', `/wage-accounts/${p.accountNumber}/transactions`, bankKey, {
        transactions: rows,
      });
      loadSent += loadRows;
      await sleep(Math.max(0, 1_000 - (Date.now() - started)));
    }
  })().catch((error: Error) => {
    loadError = error.message;
  });
  await sleep(3_000);

  const latencies: number[] = [];
  const missed: string[] = [];
  const loadStart = Date.now();
  await Promise.all(
    Array.from({ length: probes }, async (_, i) => {
      await sleep(i * intervalMs);
      const p = projects[Math.floor(i / months.length)];
      const occurredAt = months[i % months.length];
      const month = new Date(occurredAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
      await api(stack.gateway, 'POST', `/wage-accounts/${p.accountNumber}/transactions`, bankKey, {
        transactions: [transactionRow('TRANSFER', new Date(occurredAt.getTime() - 60_000), '1000.00')],
      });
      const latency = await alertLatency(stack, p.code, 'FUNDS_DIVERTED', month, 30_000);
      if (latency === undefined) missed.push(`${p.code} ${month}`);
      else latencies.push(latency);
    }),
  );
  loading = false;
  await load;
  const loadSeconds = (Date.now() - loadStart) / 1000;
  const result = {
    what:
      `${probes} probes, one every ${intervalMs} ms, each a TRANSFER raising a new FUNDS_DIVERTED alert; ` +
      `background load ${loadRows}-row payroll batches about once a second (${Math.round(loadSent / loadSeconds)} rows/s); ` +
      'latency = gateway 2xx answer → the alert row present in alert-service (polled every 25 ms)',
    latencyMs: spread(latencies),
    missedWithin30s: missed,
    ...(loadError && { backgroundLoadFailed: loadError }),
  };
  log(`latency: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, missed ${missed.length}`);
  return result;
}

/** The settle period of the absence benchmark's own stack (its rules engine's ALERT_SETTLE_SECONDS). */
export const ABSENCE_SETTLE_SECONDS = 5;

/**
 * An absence rule's latency on a stack whose rules engine settles absence verdicts for ABSENCE_SETTLE_SECONDS:
 * each probe is a payroll payment to a card on no project's roll, in a project-month of its own, which makes a
 * pending PAYEE_NOT_ON_ROSTER verdict that is raised once it has held for the settle period. Latency = gateway 2xx
 * answer → the alert row in alert-service; beyond the settle period = latency − the settle period.
 */
export async function benchAbsence(stack: Stack) {
  const probes = envInt('BENCH_ABSENCE_PROBES', 30);
  const intervalMs = envInt('BENCH_LATENCY_INTERVAL_MS', 500);
  const bankKey = await bank(stack);
  const projects: BenchProject[] = [];
  for (let i = 0; i < probes; i += 1) projects.push(await project(stack, `BENCH-A-${i}`, '350206'));
  const latencies: number[] = [];
  const missed: string[] = [];
  const occurredAt = new Date(Date.now() - 60_000);
  const month = new Date(occurredAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  await Promise.all(
    projects.map(async (p, i) => {
      await sleep(i * intervalMs);
      await api(stack.gateway, 'POST', `/wage-accounts/${p.accountNumber}/transactions`, bankKey, {
        transactions: [transactionRow('PAYROLL', occurredAt, '3000.00')],
      });
      const wait = ABSENCE_SETTLE_SECONDS * 1000 + 30_000;
      const latency = await alertLatency(stack, p.code, 'PAYEE_NOT_ON_ROSTER', month, wait);
      if (latency === undefined) missed.push(`${p.code} ${month}`);
      else latencies.push(latency);
    }),
  );
  const settleMs = ABSENCE_SETTLE_SECONDS * 1000;
  const result = {
    what:
      `${probes} probes, one every ${intervalMs} ms, each a payroll payment to a card on no roll raising a new ` +
      `PAYEE_NOT_ON_ROSTER once settled (ALERT_SETTLE_SECONDS=${ABSENCE_SETTLE_SECONDS}); latency = gateway 2xx ` +
      'answer → the alert row present in alert-service (polled every 25 ms), no background load',
    settleSeconds: ABSENCE_SETTLE_SECONDS,
    latencyMs: spread(latencies),
    beyondSettleMs: spread(latencies.map((l) => l - settleMs)),
    missed,
  };
  log(
    `absence: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms ` +
      `(settle ${settleMs} ms + ${result.beyondSettleMs.p95} ms), missed ${missed.length}`,
  );
  return result;
}

/** Milliseconds from now until alert-service holds the alert (polled every 25 ms), or undefined after `waitMs`. */
async function alertLatency(
  stack: Stack,
  projectCode: string,
  code: string,
  month: string,
  waitMs: number,
): Promise<number | undefined> {
  const accepted = performance.now();
  while (performance.now() < accepted + waitMs) {
    const { rowCount } = await stack.pg.query(
      `SELECT 1 FROM alerts.alerts WHERE project_code = $1 AND code = $2 AND month = $3`,
      [projectCode, code, month],
    );
    if (rowCount) return performance.now() - accepted;
    await sleep(25);
  }
  return undefined;
}
