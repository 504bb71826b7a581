import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchFanout, benchScaleOut } from './fanout';
import { benchImport } from './import';
import { benchIngest } from './ingest';
import { ABSENCE_SETTLE_SECONDS, benchAbsence, benchLatency } from './latency';
import { benchQueries } from './queries';
import { startStack, type Stack } from './stack';
import { log } from './stats';
import { benchSweep } from './sweep';

/**
 * `npm run bench`: starts a private copy of the platform (own database, topic and BullMQ prefixes, free ports),
 * runs the benchmarks one after another, writes bench/results/<timestamp>.json and removes what it created.
 * BENCH_ONLY=ingest,latency,sweep,queries,fanout,import,scaleout,absence picks some; every data size has a BENCH_* knob (bench/README.md).
 */
const BENCHMARKS = {
  // The sweep first, on a quiet read model, then the query data, then the pipeline-driven ones, ingest last
  // (its 120,000-row rolls stay in the database and would slow nothing measured after them).
  sweep: benchSweep,
  queries: benchQueries,
  latency: benchLatency,
  fanout: benchFanout,
  // 60,000 imported workers, before ingest: file imports measured on a roll table not yet swollen by ingest's.
  import: benchImport,
  ingest: benchIngest,
  // Last: it leaves a second rules-engine and alert-service running.
  scaleout: benchScaleOut,
};

/** Benchmarks that need settings of their own: each runs on a stack of its own after the others. */
const OWN_STACK = {
  absence: { settings: { ALERT_SETTLE_SECONDS: String(ABSENCE_SETTLE_SECONDS) }, run: benchAbsence },
};

function machine() {
  const safe = (fn: () => string) => {
    try {
      return fn().trim();
    } catch {
      return 'unknown';
    }
  };
  const kafkaJar = safe(() => readFileSync(join(__dirname, '../.infra/kafka/classpath.txt'), 'utf8'));
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    postgres: safe(() =>
      execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'SHOW server_version'], {
        encoding: 'utf8',
      }),
    ),
    kafka: /kafka_2\.13-([\d.]+)\.jar/.exec(kafkaJar)?.[1] ?? 'unknown',
    redis: safe(
      () =>
        /redis_version:(\S+)/.exec(
          execFileSync('redis-cli', ['INFO', 'server'], { encoding: 'utf8' }),
        )?.[1] ?? '',
    ),
    os: safe(() => execFileSync('uname', ['-sr'], { encoding: 'utf8' })),
  };
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = [...Object.keys(BENCHMARKS), ...Object.keys(OWN_STACK)];
  for (const name of only ?? [])
    if (!known.includes(name))
      throw new Error(`BENCH_ONLY: unknown benchmark "${name}"; use ${known.join(', ')}`);
  const startedAt = new Date();
  const result: Record<string, unknown> = { startedAt: startedAt.toISOString(), machine: machine() };
  log(`machine ${JSON.stringify(result.machine)}`);
  const started = performance.now();
  const results: Record<string, unknown> = {};
  const measure = async (name: string, run: () => Promise<object>) => {
    log(`— ${name}`);
    const t = performance.now();
    try {
      results[name] = { ...(await run()), benchmarkSeconds: Math.round((performance.now() - t) / 1000) };
    } catch (error) {
      results[name] = { error: (error as Error).message };
      log(`${name} failed: ${(error as Error).stack}`);
    }
  };
  const withStack = async (settings: Record<string, string>, work: (stack: Stack) => Promise<void>) => {
    const stack = await startStack(settings);
    const stop = () => stack.stop().catch((error) => log(`cleanup failed: ${error}`));
    const interrupted = () => void stop().then(() => process.exit(130));
    process.once('SIGINT', interrupted);
    try {
      await work(stack);
    } finally {
      process.off('SIGINT', interrupted);
      await stop();
    }
  };
  const chosen = (name: string) => !only || only.includes(name);
  if (Object.keys(BENCHMARKS).some(chosen))
    await withStack({}, async (stack) => {
      for (const [name, run] of Object.entries(BENCHMARKS))
        if (chosen(name)) await measure(name, () => run(stack));
      result.peakRssMiB = stack.peakRssMiB();
      log(`peak RSS (MiB): ${JSON.stringify(result.peakRssMiB)}`);
    });
  for (const [name, { settings, run }] of Object.entries(OWN_STACK))
    if (chosen(name)) await withStack(settings, (stack) => measure(name, () => run(stack)));
  result.results = results;
  result.totalSeconds = Math.round((performance.now() - started) / 1000);
  result.loadAverageAtEnd = loadavg().map((v) => Math.round(v * 100) / 100);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`figures written to ${file}`);
}

process.on('unhandledRejection', (error) => log(`unhandled: ${(error as Error)?.stack ?? error}`));

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
