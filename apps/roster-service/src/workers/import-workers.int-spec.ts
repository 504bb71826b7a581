import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Topics, parseEvent, rosterEvents } from '@wage/contracts';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  cardNumber,
  identityNumber,
  registerProject,
  rosterTablesAsText,
  startRosterService,
} from '../testing/roster-test-kit';

const CHINESE_HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '手机号',
  '银行卡号',
  '开户银行',
  '班组',
  '工种',
  '进场日期',
  '退场日期',
];
const id = (n: number) => identityNumber('1979-11-03', n, '350203');

function csvOf(rows: string[][]): string {
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}

describe('importing a roll from CSV and XLSX files (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let projectKey: string;

  beforeAll(async () => {
    service = await startRosterService();
    reader = await TopicReader.start(service.topic(Topics.roster));
    projectKey = await registerProject(service, 'XM-IMPORT-1');
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const upload = (file: Buffer, filename: string, key?: string) => {
    const request = service.http.post('/api/v1/projects/XM-IMPORT-1/workers/import').set(bearer(projectKey));
    if (key) request.set('Idempotency-Key', key);
    return request.attach('file', file, filename);
  };
  const storedNames = async () =>
    (await service.dataSource.query(`SELECT name FROM roster.workers ORDER BY name`)).map(
      (r: { name: string }) => r.name,
    );

  it('imports a UTF-8 CSV with a BOM, Chinese headers and 2026/9/1 dates', async () => {
    const csv = csvOf([
      CHINESE_HEADERS,
      ['1', '张伟', id(1), '13800000001', `${cardNumber(1)}`, 'ICBC', '钢筋班', '钢筋工', '2026/9/1', ''],
      ['2', '李娜', id(2), '', '', '', '木工班', '木工', '2026-09-02', '2026/12/31'],
      ['', '', '', '', '', '', '', '', '', ''],
    ]);
    const response = await upload(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
      'roll.csv',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: 2, created: 2, updated: 0 });
    const [row] = await service.dataSource.query(
      `SELECT entry_date::text AS entry, team FROM roster.workers WHERE name = '张伟'`,
    );
    expect(row).toEqual({ entry: '2026-09-01', team: '钢筋班' });
    const messages = await reader.waitFor((m) => m.length >= 3, {
      description: 'two enrolments and one exit',
    });
    const enrolled = messages
      .map((m) => parseEvent(rosterEvents, m.value))
      .filter((e) => e.ok && e.event.type === 'WorkerEnrolled');
    expect(enrolled).toHaveLength(2);
  });

  it('imports a GBK CSV with English headers, as Excel on Chinese Windows saves it', async () => {
    const csv = csvOf([
      ['name', 'idNumber', 'phone', 'bankCode', 'cardNumber', 'team', 'trade', 'entryDate'],
      ['王芳', id(3), '13800000003', 'CCB', cardNumber(3), '混凝土班', '混凝土工', '2026/9/5'],
      ['赵磊', id(4), '13800000004', 'BOC', cardNumber(4), '架子班', '架子工', '2026-9-6'],
    ]);
    const gbk = iconv.encode(csv, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(); // really not UTF-8
    const response = await upload(gbk, 'roll-gbk.csv');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: 2, created: 2, updated: 0 });
    expect(await storedNames()).toEqual(expect.arrayContaining(['王芳', '赵磊']));
  });

  it('imports an XLSX with date cells, and updates workers already on the roll', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('实名册');
    sheet.addRow(CHINESE_HEADERS);
    sheet.addRow([
      '1',
      '张伟',
      id(1),
      '13800000001',
      cardNumber(1),
      'ICBC',
      '钢筋二班',
      '钢筋工',
      new Date(Date.UTC(2026, 8, 1)),
      null,
    ]);
    sheet.addRow([
      '2',
      '陈静',
      id(5),
      13800000005,
      cardNumber(5),
      'ABC',
      '水电班',
      '电工',
      new Date(Date.UTC(2026, 8, 10)),
      '2026/10/31',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(file, 'roll.xlsx');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: 2, created: 1, updated: 1 });
    const [row] = await service.dataSource.query(
      `SELECT entry_date::text AS entry, exit_date::text AS exit, phone_masked AS phone FROM roster.workers WHERE name = '陈静'`,
    );
    expect(row).toEqual({ entry: '2026-09-10', exit: '2026-10-31', phone: '138****0005' });
    const [updated] = await service.dataSource.query(`SELECT team FROM roster.workers WHERE name = '张伟'`);
    expect(updated.team).toBe('钢筋二班');
  });

  it('refuses a file with errors whole, naming each row number and column header', async () => {
    const before = await storedNames();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('roll');
    sheet.addRow(CHINESE_HEADERS);
    sheet.addRow(['1', '周杰', id(6), '13800000006', cardNumber(6), 'ICBC', '', '', '2026/9/1', '']);
    sheet.addRow([
      '2',
      '吴敏',
      id(7).slice(0, 17) + (id(7).endsWith('1') ? '2' : '1'),
      '',
      '',
      '',
      '',
      '',
      '2026/9/1',
      '',
    ]);
    sheet.addRow(['3', '郑强', id(8), '', '6222 12', 'ICBC', '', '', '2026/9/31', '']);
    // What Excel keeps of an 18-digit number typed into a number cell: a rounded float.
    sheet.addRow(['4', '冯丽', Number(id(10)), '', '', '', '', '', '2026/9/1', '2026/8/1']);
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'roll-with-errors.xlsx');
    expect(response.status).toBe(422);
    const details = response.body.details as { row: number; column: string; code: string; message: string }[];
    expect(details.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: '身份证号', code: 'INVALID_ID_NUMBER' },
      { row: 4, column: '进场日期', code: 'INVALID_DATE' },
      { row: 4, column: '银行卡号', code: 'INVALID_CARD_NUMBER' },
      { row: 5, column: '身份证号', code: 'NUMBER_ROUNDED' },
    ]);
    expect(details[0].message).toMatch(/^row 3, column 身份证号: /);
    expect(await storedNames()).toEqual(before); // not even row 2, which was fine
  });

  it('refuses a CSV without the required columns, and a file that is not a spreadsheet', async () => {
    const missing = await upload(
      Buffer.from(
        csvOf([
          ['姓名', '手机号'],
          ['张伟', '13800000001'],
        ]),
      ),
      'roll.csv',
    );
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('"身份证号" (idNumber)');
    const none = await service.http
      .post('/api/v1/projects/XM-IMPORT-1/workers/import')
      .set(bearer(projectKey));
    expect(none.status).toBe(400);
  });

  it('answers a repeated upload under the same Idempotency-Key with the first answer, a different file with 409', async () => {
    const file = Buffer.from(
      csvOf([
        ['姓名', '身份证号', '进场日期'],
        ['孙浩', id(9), '2026/9/20'],
      ]),
    );
    const first = await upload(file, 'a.csv', 'import-1');
    const again = await upload(file, 'a.csv', 'import-1');
    expect(again.body).toEqual(first.body);
    expect(first.body).toEqual({ accepted: 1, created: 1, updated: 0 });
    const other = await upload(
      Buffer.from(
        csvOf([
          ['姓名', '身份证号', '进场日期'],
          ['孙浩', id(9), '2026/9/21'],
        ]),
      ),
      'a.csv',
      'import-1',
    );
    expect(other.status).toBe(409);
  });

  it('accepts 开户行 as the bank column, the header the API documentation names', async () => {
    const response = await upload(
      Buffer.from(
        csvOf([
          ['姓名', '身份证号', '银行卡号', '开户行', '进场日期'],
          ['钱勇', id(11), cardNumber(11), 'CCB', '2026/9/3'],
        ]),
      ),
      'roll-kaihuhang.csv',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: 1, created: 1, updated: 0 });
    const [row] = await service.dataSource.query(
      `SELECT bank_code AS bank, card_masked AS card FROM roster.workers WHERE name = '钱勇'`,
    );
    expect(row.bank).toBe('CCB');
    expect(row.card).toBeTruthy();
  });

  it('names the row and column of a CSV it cannot parse, never the value there', async () => {
    const before = await storedNames();
    for (const broken of [`x"${id(12)}"`, `"${id(12)}"x`, `"${id(12)}`]) {
      const response = await upload(
        Buffer.from(`姓名,身份证号,银行卡号,进场日期\r\n林峰,${broken},${cardNumber(12)},2026/9/1\r\n`),
        'roll-broken.csv',
      );
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^the CSV file cannot be read: row 2, column 2 \(身份证号\) /);
      expect(response.text).not.toContain(id(12));
      expect(response.text).not.toContain(id(12).slice(0, 10));
      expect(response.text).not.toContain(cardNumber(12));
    }
    expect(await storedNames()).toEqual(before);
  });

  it('keeps no identity or card number from the files in clear', async () => {
    const text = await rosterTablesAsText(service);
    for (const n of [1, 2, 3, 4, 5, 9, 11]) {
      expect(text).not.toContain(id(n));
      expect(text).not.toContain(cardNumber(n));
    }
  });
});
