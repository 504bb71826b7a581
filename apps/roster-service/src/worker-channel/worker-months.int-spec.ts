import { randomUUID } from 'node:crypto';
import { TransactionRecorded, Topics, type EventData } from '@wage/contracts';
import { BlindIndex, KafkaClient } from '@wage/platform';
import { startSmsCatcher, waitFor, type SmsCatcher, type TestApp } from '@wage/testing';
import { bearer, registerProject, startRosterService, userToken, worker } from '../testing/roster-test-kit';

const SECRET = 'the-sms-secret-of-the-months-test';

describe("a worker's own months and their confirmation (real PostgreSQL, Redis, Kafka)", () => {
  let service: TestApp;
  let catcher: SmsCatcher;
  let keyA: string;
  const me = worker(11);
  const colleague = worker(12);

  const payroll = (
    projectCode: string,
    cardNumber: string,
    amountFen: number,
    occurredAt: string,
    payrollMonth?: string,
  ) => {
    const blind = service.app.get(BlindIndex);
    const data: EventData<typeof TransactionRecorded> = {
      accountNumber: `${projectCode}-ACC`,
      serialNo: randomUUID(),
      occurredAt,
      direction: 'DEBIT',
      kind: 'PAYROLL',
      amountFen,
      ...(payrollMonth && { payrollMonth }),
      counterparty: {
        name: 'Worker',
        accountHash: blind.hash('card', cardNumber),
        accountMasked: `${cardNumber.slice(0, 4)}***********${cardNumber.slice(-4)}`,
      },
    };
    const now = new Date().toISOString();
    return {
      key: projectCode,
      value: JSON.stringify({
        id: randomUUID(),
        type: TransactionRecorded.type,
        schemaVersion: TransactionRecorded.schemaVersion,
        occurredAt: now,
        recordedAt: now,
        projectCode,
        data: TransactionRecorded.schema.parse(data),
      }),
    };
  };

  async function signIn(who: { idNumber: string; phone: string }): Promise<string> {
    const { idNumber, phone } = who;
    const before = (await catcher.messages(phone)).length;
    await service.http.post('/api/v1/worker/codes').send({ idNumber, phone });
    const [sms] = await waitFor(
      async () => {
        const messages = await catcher.messages(phone);
        return messages.length > before ? messages : undefined;
      },
      { description: `a new SMS to ${phone}` },
    );
    const code = /(\d{6})/.exec(sms.text)![1];
    const session = await service.http.post('/api/v1/worker/sessions').send({ idNumber, phone, code });
    expect(session.status).toBe(200);
    return session.body.accessToken as string;
  }

  beforeAll(async () => {
    catcher = await startSmsCatcher(SECRET);
    service = await startRosterService({ SMS_PROVIDER_URL: catcher.providerUrl, SMS_API_SECRET: SECRET });
    keyA = await registerProject(service, 'XM-MINE-A');
    const keyB = await registerProject(service, 'XM-MINE-B');
    const report = async (
      key: string,
      code: string,
      workers: ReturnType<typeof worker>[],
      months: string[],
    ) => {
      expect(
        (await service.http.put(`/api/v1/projects/${code}/workers`).set(bearer(key)).send({ workers }))
          .status,
      ).toBe(200);
      for (const month of months) {
        const records = workers.map((w) => ({ idNumber: w.idNumber, daysWorked: 22 }));
        const lines = workers.map((w) => ({ idNumber: w.idNumber, grossPay: '7200.00', netPay: '6800.00' }));
        const attendance = await service.http
          .post(`/api/v1/projects/${code}/attendance`)
          .set(bearer(key))
          .send({ month, records });
        const sheet = await service.http
          .post(`/api/v1/projects/${code}/pay-sheets`)
          .set(bearer(key))
          .send({ month, lines });
        expect([attendance.status, sheet.status]).toEqual([201, 201]);
      }
    };
    await report(keyA, 'XM-MINE-A', [me, colleague], ['2026-08', '2026-09', '2026-10']);
    await report(
      keyB,
      'XM-MINE-B',
      [{ ...me, bankCard: { bankCode: 'ICBC', cardNumber: '6222000000000999' } }],
      ['2026-09'],
    );
    const kafka = service.app.get(KafkaClient);
    await kafka.send(Topics.account, [
      payroll('XM-MINE-A', me.bankCard.cardNumber, 680_000, '2026-09-15T10:00:00+08:00', '2026-08'),
      payroll('XM-MINE-A', me.bankCard.cardNumber, 300_000, '2026-10-15T10:00:00+08:00', '2026-09'),
      payroll('XM-MINE-A', colleague.bankCard.cardNumber, 680_000, '2026-10-15T10:00:00+08:00', '2026-09'),
    ]);
    await waitFor(
      async () =>
        (await service.dataSource.query(`SELECT count(*)::int AS n FROM roster.worker_payments`))[0].n === 3,
      { description: 'the three payroll payments in the read model' },
    );
  });
  afterAll(async () => {
    await service.close();
    await catcher.stop();
  });

  it('shows every month of every project of the worker, with the payments to their card and what is owed', async () => {
    const token = await signIn(me);
    const answer = await service.http.get('/api/v1/worker/months').set(bearer(token));
    expect(answer.status).toBe(200);
    const items = answer.body.items as { projectCode: string; month: string }[];
    expect(items.map((i) => `${i.projectCode} ${i.month}`)).toEqual([
      'XM-MINE-A 2026-10',
      'XM-MINE-A 2026-09',
      'XM-MINE-B 2026-09',
      'XM-MINE-A 2026-08',
    ]);
    expect(items[3]).toEqual({
      projectCode: 'XM-MINE-A',
      projectName: 'Riverside housing XM-MINE-A',
      month: '2026-08',
      daysWorked: 22,
      grossPay: '7200.00',
      netPay: '6800.00',
      payments: [{ date: '2026-09-15', amount: '6800.00', card: '6222***********0011' }],
      paid: '6800.00',
      owed: '0.00',
      // Payday 15 of the next month; 15 September 2026 is a Tuesday.
      dueDate: '2026-09-15',
      overdue: false,
      confirmation: null,
    });
    // 6800.00 − 3000.00 paid = 3800.00 still owed, past its due date.
    expect(items[1]).toMatchObject({ paid: '3000.00', owed: '3800.00', overdue: true });
    expect(items[0]).toMatchObject({ payments: [], paid: '0.00', owed: '6800.00' });
    // The colleague's payment is not in the worker's months.
    expect(JSON.stringify(answer.body)).not.toContain('0012');
  });

  it('stores a confirmation and a dispute, publishes them with the worker masked, and shows them', async () => {
    const token = await signIn(me);
    const confirm = await service.http
      .post('/api/v1/worker/months/XM-MINE-A/2026-08/confirmation')
      .set(bearer(token))
      .send({ result: 'CONFIRMED' });
    expect(confirm.status).toBe(200);
    const dispute = await service.http
      .post('/api/v1/worker/months/XM-MINE-A/2026-10/confirmation')
      .set(bearer(token))
      .send({ result: 'DISPUTED', reason: 'NOT_RECEIVED', note: `卡号${me.bankCard.cardNumber}没收到钱` });
    expect(dispute.body).toMatchObject({ result: 'DISPUTED', reason: 'NOT_RECEIVED' });

    const months = (await service.http.get('/api/v1/worker/months').set(bearer(token))).body.items as {
      month: string;
      projectCode: string;
      confirmation: unknown;
    }[];
    expect(months.find((m) => m.month === '2026-08')?.confirmation).toMatchObject({ result: 'CONFIRMED' });
    expect(months.find((m) => m.month === '2026-10')?.confirmation).toMatchObject({ reason: 'NOT_RECEIVED' });

    const events: { type: string; value: string }[] = await service.dataSource.query(
      `SELECT type, payload::text AS value FROM roster.outbox_events WHERE type = 'WorkerMonthAnswered'`,
    );
    expect(events).toHaveLength(2);
    const published = events.map((e) => e.value).join('\n');
    expect(
      events.map((e) => (JSON.parse(e.value) as { data: { nameMasked: string } }).data.nameMasked),
    ).toEqual(['W********', 'W********']);
    for (const secret of [me.idNumber, me.phone, me.bankCard.cardNumber, 'Worker 11', '没收到钱'])
      expect(published).not.toContain(secret);
    expect(published).toContain('NOT_RECEIVED');
  });

  it('refuses a month the worker has no record of, a dispute without a reason, and anyone but a worker', async () => {
    const token = await signIn(colleague);
    const notMine = await service.http
      .post('/api/v1/worker/months/XM-MINE-B/2026-09/confirmation')
      .set(bearer(token))
      .send({ result: 'CONFIRMED' });
    expect(notMine.status).toBe(404);
    const noReason = await service.http
      .post('/api/v1/worker/months/XM-MINE-A/2026-09/confirmation')
      .set(bearer(token))
      .send({ result: 'DISPUTED' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('原因');

    // The colleague sees only their own months: project A, none of the worker's project B.
    const theirs = await service.http.get('/api/v1/worker/months').set(bearer(token));
    expect((theirs.body.items as { projectCode: string }[]).every((i) => i.projectCode === 'XM-MINE-A')).toBe(
      true,
    );
    expect(theirs.body.items).toHaveLength(3);

    for (const other of [keyA, service.env.ADMIN_API_KEY, userToken(service, '350206')])
      expect((await service.http.get('/api/v1/worker/months').set(bearer(other))).status).toBe(403);
    // A worker's token opens nothing else.
    for (const path of ['/api/v1/projects/XM-MINE-A', '/api/v1/projects/XM-MINE-A/workers'])
      expect((await service.http.get(path).set(bearer(token))).status).toBe(403);
    expect((await service.http.get('/api/v1/worker/months')).status).toBe(401);
  });
});
