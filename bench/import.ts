import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { ids, workerRow } from './fixtures';
import { ApiError, api, type Stack } from './stack';
import { envInt, log, sleep, spread } from './stats';

const HEADERS = ['姓名', '身份证号', '手机号', '银行卡号', '开户行', '班组', '工种', '进场日期'];

/** Spacing of the `/health` probes sent to roster-service while an import runs. */
const PROBE_INTERVAL_MS = 100;

interface Round {
  format: 'csv' | 'xlsx';
  rows: number;
  fileBytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Probes answered while the import was running, and their latency in ms. */
  healthProbes: number;
  healthMs: ReturnType<typeof spread>;
}

/**
 * `POST /projects/{code}/workers/import` through the gateway: a CSV and an XLSX roll of `rows` new workers each
 * (one fresh project per file), `rounds` times, with roster-service's own `GET /health` probed every 100 ms during
 * each import — how long the import takes and how long health waits meanwhile (the event loop must stay free).
 * Files are built before the clock starts.
 */
export async function benchImport(stack: Stack) {
  const rows = envInt('BENCH_IMPORT_ROWS', 10_000);
  const rounds = envInt('BENCH_IMPORT_ROUNDS', 3);
  const healthUrl = `${stack.services['roster-service'].url}/health`;
  const idle = await probeWhile(healthUrl, sleep(2_000));
  log(`import: health while idle p50 ${idle.p50} ms, max ${idle.max} ms`);
  const results: Round[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const format of ['csv', 'xlsx'] as const) {
      const code = `BENCH-IMP${round}-${format.toUpperCase()}`;
      const { apiKey } = await api<{ apiKey: string }>(stack.gateway, 'POST', '/projects', stack.adminKey, {
        code,
        name: `${code} 基准测试工程`,
        regionCode: '350205',
        contractor: { name: `${code} 建设工程有限公司`, creditCode: ids.creditCode('350205') },
        owner: { name: '城市建设投资集团有限公司' },
        contractAmount: '50000000.00',
        startDate: '2024-01-01',
        payday: 15,
      });
      const table = Array.from({ length: rows }, () => {
        const w = workerRow();
        return [w.name, w.idNumber, w.phone, w.bankCard.cardNumber, w.bankCard.bankCode, w.team, w.trade];
      });
      const file = format === 'csv' ? csvOf(table) : await xlsxOf(table);
      const start = performance.now();
      const importing = upload(stack, code, apiKey, file, `roll.${format}`);
      const samples: number[] = [];
      const health = await probeWhile(healthUrl, importing, samples);
      const answer = await importing;
      const seconds = (performance.now() - start) / 1000;
      if (answer.created !== rows) throw new Error(`${code}: created ${answer.created} of ${rows} rows`);
      results.push({
        format,
        rows,
        fileBytes: file.length,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        healthProbes: samples.length,
        healthMs: health,
      });
      log(
        `import round ${round} ${format}: ${rows} rows (${Math.round(file.length / 1024)} KB) in ` +
          `${results.at(-1)!.seconds} s; health during it p50 ${health.p50} ms, max ${health.max} ms ` +
          `(${samples.length} probes)`,
      );
    }
  }
  const of = (format: Round['format']) => results.filter((r) => r.format === format);
  const summary = (format: Round['format']) => ({
    rounds: of(format),
    seconds: spread(of(format).map((r) => r.seconds)),
    rowsPerSecond: spread(of(format).map((r) => r.rowsPerSecond)),
    healthMsMax: spread(of(format).map((r) => r.healthMs.max)),
  });
  return {
    what:
      `${rounds} rounds of a ${rows}-row CSV and a ${rows}-row XLSX roll of new workers, each to a fresh project, ` +
      `through the gateway (POST /projects/{code}/workers/import); roster-service's GET /health probed every ` +
      `${PROBE_INTERVAL_MS} ms during each import`,
    healthIdleMs: idle,
    csv: summary('csv'),
    xlsx: summary('xlsx'),
  };
}

/** Probes `url` one request after another, `PROBE_INTERVAL_MS` apart, until `until` settles; latencies in ms. */
async function probeWhile(url: string, until: Promise<unknown>, samples: number[] = []) {
  let done = false;
  until.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    const t = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!done) samples.push(performance.now() - t);
    await sleep(PROBE_INTERVAL_MS);
  }
  return spread(samples);
}

async function upload(stack: Stack, code: string, apiKey: string, file: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([file]), filename);
  const response = await fetch(`${stack.gateway}/api/v1/projects/${code}/workers/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}` },
    body: form,
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, text, `import ${filename} into ${code}`);
  return JSON.parse(text) as { accepted: number; created: number; updated: number };
}

function csvOf(table: string[][]): Buffer {
  const lines = [HEADERS, ...table.map((row) => [...row, '2024-02-01'])].map((row) => row.join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsxOf(table: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('实名册');
  sheet.addRow(HEADERS);
  const entry = new Date(Date.UTC(2024, 1, 1));
  for (const row of table) sheet.addRow([...row, entry]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
