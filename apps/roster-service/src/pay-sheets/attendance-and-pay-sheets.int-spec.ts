import {
  MAX_ROWS_PER_EVENT,
  Topics,
  parseEvent,
  rosterEvents,
  type PaySheetSubmitted,
} from '@wage/contracts';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  identityNumber,
  outboxCount,
  registerProject,
  startRosterService,
  worker,
} from '../testing/roster-test-kit';

describe('attendance and pay sheets (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let projectKey: string;
  let otherProjectKey: string;
  const onRoll = [1, 2, 3].map((n) => worker(n));
  const notOnRoll = identityNumber('1990-01-01', 99);

  beforeAll(async () => {
    service = await startRosterService();
    reader = await TopicReader.start(service.topic(Topics.roster));
    projectKey = await registerProject(service, 'XM-PAY-1');
    otherProjectKey = await registerProject(service, 'XM-PAY-2');
    const put = await service.http
      .put('/api/v1/projects/XM-PAY-1/workers')
      .set(bearer(projectKey))
      .send({ workers: onRoll });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const post = (path: string, body: object, key = projectKey, code = 'XM-PAY-1') =>
    service.http.post(`/api/v1/projects/${code}/${path}`).set(bearer(key)).send(body);
  const eventsOf = (type: string) =>
    reader.messages
      .map((m) => parseEvent(rosterEvents, m.value))
      .flatMap((e) => (e.ok && e.event.type === type ? [e.event] : []));

  it('records attendance for workers on the roll and publishes AttendanceReported', async () => {
    const response = await post('attendance', {
      month: '2026-09',
      records: [
        { idNumber: onRoll[0].idNumber, daysWorked: 22 },
        { idNumber: onRoll[1].idNumber, daysWorked: 0 },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ month: '2026-09', records: 2 });
    await reader.waitFor(() => eventsOf('AttendanceReported').length === 1, {
      description: 'AttendanceReported',
    });
    const [event] = eventsOf('AttendanceReported');
    expect(event.data).toMatchObject({
      month: '2026-09',
      part: 1,
      parts: 1,
      submissionId: response.body.submissionId,
    });
    expect((event.data as { records: { daysWorked: number }[] }).records.map((r) => r.daysWorked)).toEqual([
      22, 0,
    ]);
  });

  it('refuses attendance naming the rows: not on the roll, more days than the month has, repeated', async () => {
    const before = await outboxCount(service);
    const response = await post('attendance', {
      month: '2026-09',
      records: [
        { idNumber: onRoll[0].idNumber, daysWorked: 20 },
        { idNumber: notOnRoll, daysWorked: 10 },
        { idNumber: onRoll[1].idNumber, daysWorked: 31 },
        { idNumber: onRoll[0].idNumber, daysWorked: 3 },
        { idNumber: onRoll[2].idNumber, daysWorked: 2.5 },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.details.map((d: { index: number; code: string }) => [d.index, d.code])).toEqual([
      [1, 'NOT_ON_ROLL'],
      [2, 'INVALID_DAYS'],
      [3, 'DUPLICATE_ID_NUMBER'],
      [4, 'INVALID_DAYS'],
    ]);
    expect(await outboxCount(service)).toBe(before);
    const [{ days }] = await service.dataSource.query(
      `SELECT sum(days_worked)::int AS days FROM roster.attendance`,
    );
    expect(days).toBe(22);
  });

  it('stores a pay sheet, then replaces it and says so', async () => {
    const first = await post('pay-sheets', {
      month: '2026-09',
      lines: [
        { idNumber: onRoll[0].idNumber, grossPay: '8000.00', netPay: '7600.50' },
        { idNumber: onRoll[1].idNumber, grossPay: '6000', netPay: '6000' },
      ],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      month: '2026-09',
      lines: 2,
      grossPay: '14000.00',
      netPay: '13600.50',
      replaced: false,
    });

    // September's deadline has passed: a sheet that raises pay still replaces the one in force (a lower one is a
    // revision, see pay-sheet-revisions.int-spec.ts).
    const second = await post('pay-sheets', {
      month: '2026-09',
      lines: [
        { idNumber: onRoll[0].idNumber, grossPay: '8000.00', netPay: '7800.00' },
        { idNumber: onRoll[1].idNumber, grossPay: '6000', netPay: '6000' },
      ],
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ lines: 2, netPay: '13800.00', replaced: true });
    const lines = await service.dataSource.query(
      `SELECT net_pay_fen::int AS net FROM roster.pay_sheet_lines ORDER BY net`,
    );
    expect(lines).toEqual([{ net: 600_000 }, { net: 780_000 }]);

    await reader.waitFor(() => eventsOf('PaySheetSubmitted').length === 2, { description: 'two pay sheets' });
    const sheets = eventsOf('PaySheetSubmitted').map((e) => e.data as PaySheetSubmitted);
    expect(sheets.map((s) => [s.replacesPrevious, s.totals])).toEqual([
      [false, { lines: 2, grossPayFen: 1_400_000, netPayFen: 1_360_050 }],
      [true, { lines: 2, grossPayFen: 1_400_000, netPayFen: 1_380_000 }],
    ]);
  });

  it('refuses pay lines whose net pay exceeds gross, whose amounts are malformed or whose worker is not on the roll', async () => {
    const response = await post('pay-sheets', {
      month: '2026-10',
      lines: [
        { idNumber: onRoll[0].idNumber, grossPay: '5000', netPay: '5000.01' },
        { idNumber: onRoll[1].idNumber, grossPay: '-5', netPay: '0' },
        { idNumber: notOnRoll, grossPay: '100', netPay: '100' },
      ],
    });
    expect(response.status).toBe(422);
    expect(
      response.body.details.map((d: { index: number; field: string; code: string }) => [
        d.index,
        d.field,
        d.code,
      ]),
    ).toEqual([
      [0, 'netPay', 'NET_EXCEEDS_GROSS'],
      [1, 'grossPay', 'INVALID_AMOUNT'],
      [2, 'idNumber', 'NOT_ON_ROLL'],
    ]);
    const [{ n }] = await service.dataSource.query(
      `SELECT count(*)::int AS n FROM roster.pay_sheets WHERE month = '2026-10'`,
    );
    expect(n).toBe(0);
  });

  // Found by the attack pass: two lines of 90071992547409.91 overflowed the sheet's totals past 2^53 fen into a 500
  // (from OutboxWriter.append). Each line is bounded, with a row-level 422; so are leading zeros.
  it('refuses pay lines too large to total exactly, and amounts with leading zeros, row by row', async () => {
    const response = await post('pay-sheets', {
      month: '2026-10',
      lines: [
        { idNumber: onRoll[0].idNumber, grossPay: '90071992547409.91', netPay: '90071992547409.91' },
        { idNumber: onRoll[1].idNumber, grossPay: '05000.00', netPay: '4800.00' },
      ],
    });
    expect(response.status).toBe(422);
    expect(
      response.body.details.map((d: { index: number; field: string; code: string }) => [
        d.index,
        d.field,
        d.code,
      ]),
    ).toEqual([
      [0, 'grossPay', 'INVALID_AMOUNT'],
      [0, 'netPay', 'INVALID_AMOUNT'],
      [1, 'grossPay', 'INVALID_AMOUNT'],
    ]);
    expect(response.body.details[0].message).toContain('the most this field accepts is 10000000.00 yuan');
  });

  it("keeps a project key away from another project's attendance and pay sheets (403)", async () => {
    const body = { month: '2026-09', records: [{ idNumber: onRoll[0].idNumber, daysWorked: 1 }] };
    expect((await post('attendance', body, otherProjectKey)).status).toBe(403);
    const sheet = { month: '2026-09', lines: [{ idNumber: onRoll[0].idNumber, grossPay: '1', netPay: '1' }] };
    expect((await post('pay-sheets', sheet, otherProjectKey)).status).toBe(403);
  });

  it('refuses a month that has not begun', async () => {
    const response = await post('attendance', {
      month: '2999-01',
      records: [{ idNumber: onRoll[0].idNumber, daysWorked: 1 }],
    });
    expect(response.status).toBe(400);
  });

  // Issue 16: attendance and pay sheets were taken for months before the project started, before a worker's entry
  // or after their exit, and entry dates in 2099.
  it("refuses months before the project started or outside a worker's time on the roll, and entry dates far ahead", async () => {
    const before = await outboxCount(service);
    const early = await post('attendance', {
      month: '2026-02',
      records: [{ idNumber: onRoll[0].idNumber, daysWorked: 1 }],
    });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([expect.objectContaining({ code: 'BEFORE_PROJECT_START' })]);
    const leaver = worker(50, { entryDate: '2026-04-01', exitDate: '2026-06-30' });
    const put = await service.http
      .put('/api/v1/projects/XM-PAY-1/workers')
      .set(bearer(projectKey))
      .send({ workers: [leaver] });
    expect(put.status).toBe(200);
    // March is before the entry, July after the exit; June is fine.
    for (const month of ['2026-03', '2026-07']) {
      const sheet = await post('pay-sheets', {
        month,
        lines: [{ idNumber: leaver.idNumber, grossPay: '100.00', netPay: '100.00' }],
      });
      expect(sheet.status).toBe(422);
      expect(sheet.body.details).toEqual([
        expect.objectContaining({ index: 0, field: 'idNumber', code: 'NOT_ON_SITE_IN_MONTH' }),
      ]);
    }
    const june = await post('attendance', {
      month: '2026-06',
      records: [{ idNumber: leaver.idNumber, daysWorked: 20 }],
    });
    expect(june.status).toBe(201);
    const farEntry = await service.http
      .put('/api/v1/projects/XM-PAY-1/workers')
      .set(bearer(projectKey))
      .send({ workers: [worker(51, { entryDate: '2099-01-01' })] });
    expect(farEntry.status).toBe(422);
    expect(farEntry.body.details).toEqual([
      expect.objectContaining({ field: 'entryDate', code: 'TOO_FAR_AHEAD' }),
    ]);
    // Only the roll entry (WorkerEnrolled, WorkerExited) and June's attendance were stored.
    expect(await outboxCount(service)).toBe(before + 3);
  });

  it(`splits a large pay sheet into events of at most ${MAX_ROWS_PER_EVENT} lines`, async () => {
    const roll = Array.from({ length: MAX_ROWS_PER_EVENT + 1 }, (_, i) => worker(1000 + i));
    expect(
      (
        await service.http
          .put('/api/v1/projects/XM-PAY-1/workers')
          .set(bearer(projectKey))
          .send({ workers: roll })
      ).status,
    ).toBe(200);
    const response = await post('pay-sheets', {
      month: '2026-11',
      lines: roll.map((w) => ({ idNumber: w.idNumber, grossPay: '100.00', netPay: '99.99' })),
    });
    expect(response.body).toMatchObject({ lines: MAX_ROWS_PER_EVENT + 1, replaced: false });
    await reader.waitFor(
      () =>
        eventsOf('PaySheetSubmitted').filter((e) => (e.data as PaySheetSubmitted).month === '2026-11')
          .length === 2,
      { description: 'a pay sheet in two parts' },
    );
    const parts = eventsOf('PaySheetSubmitted')
      .map((e) => e.data as PaySheetSubmitted)
      .filter((s) => s.month === '2026-11');
    expect(parts.map((p) => [p.part, p.parts, p.lines.length])).toEqual([
      [1, 2, MAX_ROWS_PER_EVENT],
      [2, 2, 1],
    ]);
    expect(new Set(parts.map((p) => p.submissionId)).size).toBe(1);
    expect(parts[0].totals).toEqual({
      lines: MAX_ROWS_PER_EVENT + 1,
      grossPayFen: 20_010_000,
      netPayFen: 20_007_999,
    });
  });
});
