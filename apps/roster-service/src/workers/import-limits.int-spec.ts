import ExcelJS from 'exceljs';
import type { TestApp } from '@wage/testing';
import { bearer, registerProject, startRosterService, worker } from '../testing/roster-test-kit';

const HEADERS = ['姓名', '身份证号', '手机号', '银行卡号', '开户银行', '班组', '工种', '进场日期'];

/** The row of `worker(n)` in the file's columns. */
function rowOf(n: number): (string | Date)[] {
  const w = worker(n);
  return [
    w.name,
    w.idNumber,
    w.phone,
    w.bankCard.cardNumber,
    w.bankCard.bankCode,
    w.team,
    w.trade,
    new Date(Date.UTC(2026, 2, 10)),
  ];
}

async function xlsxOf(rows: (string | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('实名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const rollOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => rowOf(from + i));

/** Sets an entry's declared uncompressed size, in its local header and its central directory record, to `size`. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  let patched = 0;
  for (let at = 0; at + 46 < out.length; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, at + 22);
      patched += 1;
    } else if (
      signature === 0x02014b50 &&
      out.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)
    ) {
      out.writeUInt32LE(size, at + 24);
      patched += 1;
    }
  }
  if (patched !== 2) throw new Error(`${name}: patched ${patched} headers, expected 2`);
  return out;
}

describe('import limits: row cap, unpacked size, a free event loop (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let projectKey: string;

  beforeAll(async () => {
    service = await startRosterService();
    projectKey = await registerProject(service, 'XM-IMPORT-LIM');
  });
  afterAll(async () => {
    await service.close();
  });

  const upload = (file: Buffer, filename: string) =>
    service.http
      .post('/api/v1/projects/XM-IMPORT-LIM/workers/import')
      .set(bearer(projectKey))
      .attach('file', file, filename);
  const workerCount = async () =>
    (await service.dataSource.query(`SELECT count(*)::int AS n FROM roster.workers`))[0].n as number;

  it('refuses an XLSX of 10,001 rows with 413, saying the cap, without storing any of it', async () => {
    const response = await upload(await xlsxOf([HEADERS, ...rollOf(1, 10_001)]), 'roll-10001.xlsx');
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('BATCH_TOO_LARGE');
    expect(response.body.message).toBe(
      'a file may hold at most 10000 rows of workers; this one has more (reading stopped at row 10002). ' +
        'Split it into files of 10000 rows or fewer.',
    );
    expect(await workerCount()).toBe(0);
  });

  it('refuses a CSV of 10,001 rows the same way, as soon as the cap is crossed', async () => {
    const csv = [HEADERS, ...rollOf(1, 10_001).map((row) => [...row.slice(0, 7), '2026-03-10'])]
      .map((row) => row.join(','))
      .join('\r\n');
    const response = await upload(Buffer.from(csv), 'roll-10001.csv');
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/^a file may hold at most 10000 rows of workers; /);
    expect(await workerCount()).toBe(0);
  });

  it('refuses a zip bomb: an XLSX of 60 MB of sheet text packed into a few kilobytes', async () => {
    const bomb = await xlsxOf([
      [...HEADERS, '备注'],
      [...rowOf(1), 'x'.repeat(60_000_000)],
    ]);
    expect(bomb.length).toBeLessThan(1_000_000);
    const response = await upload(bomb, 'bomb.xlsx');
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(
      /^an XLSX file may unpack to at most 50 MB; "bomb\.xlsx" unpacks to 57\.\d MB\. /,
    );
    expect(await workerCount()).toBe(0);
  });

  it('refuses a zip bomb whose headers lie about its size, by counting what it really unpacks to', async () => {
    const honest = await xlsxOf([
      [...HEADERS, '备注'],
      [...rowOf(1), 'x'.repeat(60_000_000)],
    ]);
    const lying = declareSize(honest, 'xl/sharedStrings.xml', 1_000);
    const response = await upload(lying, 'lying.xlsx');
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(
      /^an XLSX file may unpack to at most 50 MB; "lying\.xlsx" unpacks to more\. /,
    );
  });

  /** Starts the import, then a `/health` request shortly after; resolves with the order they finished in. */
  async function healthDuringImport(file: Buffer, filename: string) {
    const finished: string[] = [];
    const importing = upload(file, filename).then((response) => {
      finished.push('import');
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await service.http.get('/health').then((response) => {
      finished.push('health');
      return response;
    });
    return { finished, health, imported: await importing };
  }

  it('answers /health during a large valid import, before the import is done', async () => {
    const file = await xlsxOf([HEADERS, ...rollOf(20_001, 10_000)]);
    const { finished, health, imported } = await healthDuringImport(file, 'roll-10000.xlsx');
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ accepted: 10_000, created: 10_000, updated: 0 });
    expect(health.status).toBe(200);
    expect(finished).toEqual(['health', 'import']);
  });

  it('answers /health while a large file is still being read, even one refused after reading', async () => {
    // Without 进场日期 the file is refused right after it is read: nothing but reading happens before the answer.
    const file = await xlsxOf([HEADERS.slice(0, 7), ...rollOf(40_001, 10_000).map((row) => row.slice(0, 7))]);
    const { finished, health, imported } = await healthDuringImport(file, 'roll-no-entry-date.xlsx');
    expect(imported.status).toBe(400);
    expect(imported.body.message).toContain('"进场日期" (entryDate)');
    expect(health.status).toBe(200);
    expect(finished).toEqual(['health', 'import']);
  });
});
