import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { alertKey, Topics, type AlertCode } from '@wage/contracts';
import { creditCodeCheckChar, maskIdentityNumber } from '@wage/domain';
import { KafkaClient, TestClock } from '@wage/platform';
import {
  bearer,
  staffToken,
  startTestApp,
  testSecrets,
  TopicReader,
  waitFor,
  type TestApp,
} from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { AnnualGradingJob } from './jobs/annual-grading.job';
import { GradingQueue } from './jobs/grading-queue';

const REGION = '350206';
const creditCode = (n: number) => {
  const first17 = `91350206MA31GR${String(n).padStart(3, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
type Message = { type: string; data: Record<string, unknown> };

describe('enforcement-service integrity grades and the blacklist (real PostgreSQL and Kafka)', () => {
  const secrets = testSecrets();
  // Mon 2 Mar 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-03-02T10:00:00+08:00');
  let t: TestApp;
  let events: TopicReader;
  const token = (sub: string, role: 'INSPECTOR' | 'LEADER' | 'ADMIN', region = REGION) =>
    staffToken(secrets.JWT_SECRET, { sub, role, region }, 3_600);
  const inspector = () => token('li.inspector', 'INSPECTOR');
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const published = (type: string, creditCodeOf: string) =>
    events.messages
      .map((m) => JSON.parse(m.value!) as Message)
      .filter((m) => m.type === type && m.data.creditCode === creditCodeOf);

  async function registerProject(code: string, contractorCreditCode: string, wait = false) {
    const now = new Date().toISOString();
    const registration = {
      id: randomUUID(),
      type: 'ProjectRegistered',
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode: code,
      data: {
        code,
        name: `工地 ${code}`,
        regionCode: REGION,
        contractor: { name: `承包单位 ${contractorCreditCode.slice(-4)}`, creditCode: contractorCreditCode },
        owner: { name: '湖里区住建局' },
        contractAmountFen: 1_000_000_000,
        startDate: '2025-06-01',
        payday: 15,
        status: 'IN_CONSTRUCTION',
        apiKeyHash: 'a'.repeat(64),
      },
    };
    await t.app.get(KafkaClient).send(Topics.project, [{ key: code, value: JSON.stringify(registration) }]);
    if (wait)
      await waitFor(
        async () =>
          (await t.dataSource.query(`SELECT 1 FROM enforcement.projects WHERE code = $1`, [code])).length ===
          1,
        { description: `project ${code} registered`, timeoutMs: 45_000 },
      );
  }

  /** A case opened from an accepted clue of ¥24,000 owed to 3 workers. */
  async function openCase(contractorCreditCode: string, projectCode: string): Promise<string> {
    const submitted = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send({
        kind: 'CLUE',
        complainant: { name: '张三', idNumber: '350206199001011239', phone: '13800001234' },
        employer: { name: `承包单位 ${contractorCreditCode.slice(-4)}`, creditCode: contractorCreditCode },
        projectCode,
        regionCode: REGION,
        periodFrom: '2026-01',
        periodTo: '2026-01',
        amountOwed: '24000.00',
        workersAffected: 3,
        description: '1月工资未发放',
      });
    expect(submitted.status).toBe(201);
    const accepted = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/accept`)
      .set(bearer(inspector()))
      .send({});
    expect(accepted.status).toBe(200);
    return accepted.body.caseId;
  }

  async function closeWithFinding(caseId: string, finding: Record<string, unknown> = {}) {
    const closed = await t.http
      .post(`/api/v1/cases/${caseId}/close`)
      .set(bearer(inspector()))
      .send({
        code: 'HANDLED',
        finding: { unpaidWages: true, violations: ['拖欠农民工工资'], ...finding },
        summary: '已责令支付',
      });
    expect(closed.status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ...secrets }, { clock });
    events = await TopicReader.start(t.topic(Topics.enforcement));
    for (let n = 1; n <= 4; n++) await registerProject(`XM-GR-${n}`, creditCode(n));
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM enforcement.projects`))[0].n === 4,
      { description: 'the project registrations', timeoutMs: 45_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await t?.close();
  });

  it('downgrades at once: a closed case with unpaid wages makes B, the third finding C, each published', async () => {
    const employer = creditCode(1);
    clock.set('2026-03-02T10:00:00+08:00');
    await closeWithFinding(await openCase(employer, 'XM-GR-1'));
    const afterOne = await t.http.get(`/api/v1/employers/${employer}`).set(bearer(inspector()));
    expect(afterOne.status).toBe(200);
    expect(afterOne.body.grade).toMatchObject({
      grade: 'B',
      kind: 'DOWNGRADE',
      findings: [expect.any(String)],
    });
    expect(afterOne.body.findings).toHaveLength(1);
    expect(afterOne.body.projects).toEqual([{ code: 'XM-GR-1', name: '工地 XM-GR-1', regionCode: REGION }]);
    expect(afterOne.body.blacklist).toEqual({ listed: false, listing: null, procedures: [] });

    // A second finding leaves B (two findings); the third makes C.
    clock.set('2026-04-01T10:00:00+08:00');
    await closeWithFinding(await openCase(employer, 'XM-GR-1'));
    clock.set('2026-05-06T10:00:00+08:00');
    const third = await openCase(employer, 'XM-GR-1');
    await closeWithFinding(third);
    const afterThree = await t.http.get(`/api/v1/employers/${employer}`).set(bearer(inspector()));
    expect(afterThree.body.grade).toMatchObject({
      grade: 'C',
      criteria: ['THREE_OR_MORE_FINDINGS'],
      unpaidWages: true,
      supervision: 'KEY_TARGET',
    });
    expect(afterThree.body.grade.findings).toHaveLength(3);
    expect(afterThree.body.grades.map((g: { grade: string }) => g.grade)).toEqual(['C', 'B']);

    await events.waitFor(() => published('GradeAssigned', employer).length === 2, {
      description: 'GradeAssigned B then C on wage.enforcement.events.v1',
      timeoutMs: 45_000,
    });
    const [b, c] = published('GradeAssigned', employer);
    expect(b.data).toMatchObject({ grade: 'B', kind: 'DOWNGRADE' });
    expect(c.data).toMatchObject({ grade: 'C', kind: 'DOWNGRADE', unpaidWages: true });
    for (const m of events.messages) expect(m.value).not.toContain('350206199001011239');
  }, 120_000);

  it('C at once on one finding of an aggravating circumstance', async () => {
    const employer = creditCode(2);
    await closeWithFinding(await openCase(employer, 'XM-GR-2'), { circumstances: ['REFUSED_ORDER'] });
    const record = await t.http.get(`/api/v1/employers/${employer}`).set(bearer(inspector()));
    expect(record.body.grade).toMatchObject({ grade: 'C', criteria: ['REFUSED_ORDER'] });
  });

  it("grades a year's record in January: one finding B, three C, none A; only a year that is over", async () => {
    clock.set('2027-01-05T09:00:00+08:00');
    const refused = await t.http.post('/api/v1/gradings').set(admin()).send({ year: 2027 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('YEAR_NOT_OVER');
    const notAdmin = await t.http.post('/api/v1/gradings').set(bearer(inspector())).send({ year: 2026 });
    expect(notAdmin.status).toBe(403);

    const run = await t.http.post('/api/v1/gradings').set(admin()).send({ year: 2026, regionCode: REGION });
    expect(run.status).toBe(200);
    // employers 1 (three findings) and 2 (refused an order) C; 3 and 4 with projects and no finding A
    expect(run.body).toMatchObject({ year: 2026, graded: 4, counts: { A: 2, B: 0, C: 2 } });
    // the same run again changes nothing and publishes nothing new
    const again = await t.http.post('/api/v1/gradings').set(admin()).send({ year: 2026, regionCode: REGION });
    expect(again.body).toMatchObject({ graded: 4, changed: 0 });

    const cs = await t.http.get('/api/v1/gradings?year=2026&grade=C').set(bearer(inspector()));
    expect(cs.status).toBe(200);
    expect(cs.body.items.map((g: { creditCode: string }) => g.creditCode).sort()).toEqual([
      creditCode(1),
      creditCode(2),
    ]);
    const a = await t.http.get(`/api/v1/employers/${creditCode(3)}`).set(bearer(inspector()));
    expect(a.body.grade).toMatchObject({
      grade: 'A',
      year: 2026,
      kind: 'ANNUAL',
      consecutiveAYears: 1,
      supervision: 'EXEMPT_FROM_ROUTINE_PATROL',
    });
    await events.waitFor(
      () => published('GradeAssigned', creditCode(3)).some((m) => m.data.kind === 'ANNUAL'),
      { description: 'the annual A published', timeoutMs: 45_000 },
    );
    // January's scheduled run grades the year just ended: the same grades, nothing changed.
    const next = await t.app.get(GradingQueue).nextRun();
    expect(next && new Date(next.getTime() + 8 * 3_600_000).toISOString()).toMatch(/^\d{4}-01-02T02:00:00/);
    await expect(t.app.get(AnnualGradingJob).handle({})).resolves.toMatchObject({
      year: 2026,
      graded: 4,
      changed: 0,
      counts: { A: 2, C: 2 },
    });
    const unknown = await t.http.get(`/api/v1/employers/${creditCode(99)}`).set(bearer(inspector()));
    expect(unknown.status).toBe(404);
    const malformed = await t.http.get('/api/v1/employers/not-a-code').set(bearer(inspector()));
    expect(malformed.status).toBe(400);
  }, 120_000);

  it("shows the alerts that stood against the employer's projects: raised, cleared, and not the dismissed", async () => {
    const employer = creditCode(9);
    await registerProject('XM-GR-9', employer, true);
    const lifecycle = async (type: string, code: AlertCode, month: string | null, extra = {}) => {
      const now = new Date().toISOString();
      const data = {
        alertKey: alertKey(code, 'XM-GR-9', month),
        code,
        severity: 'RED',
        projectCode: 'XM-GR-9',
        regionCode: REGION,
        month,
        title: `XM-GR-9 ${code}`,
        evidence: {
          workersAffected: 0,
          workers: [],
          amounts: {},
          transactions: [],
          parameters: {},
          facts: {},
        },
        ...extra,
      };
      const envelope = { id: randomUUID(), type, schemaVersion: 1, occurredAt: now, recordedAt: now, data };
      await t.app
        .get(KafkaClient)
        .send(Topics.alert, [
          { key: 'XM-GR-9', value: JSON.stringify({ ...envelope, projectCode: 'XM-GR-9' }) },
        ]);
    };
    const raisedAt = '2026-02-20T02:00:00.000Z';
    await lifecycle('AlertRaised', 'WAGE_ARREARS', '2026-01', { detectedAt: raisedAt });
    await lifecycle('AlertRaised', 'PAY_SHEET_MISSING', '2026-01', { detectedAt: raisedAt });
    await lifecycle('AlertCleared', 'PAY_SHEET_MISSING', '2026-01', {
      raisedAt,
      clearedAt: '2026-02-21T02:00:00.000Z',
      durationSeconds: 86_400,
    });
    await lifecycle('AlertRaised', 'FUNDS_DIVERTED', '2026-02', { detectedAt: raisedAt });
    const dismissal = {
      alertKey: alertKey('FUNDS_DIVERTED', 'XM-GR-9', '2026-02'),
      code: 'FUNDS_DIVERTED',
      projectCode: 'XM-GR-9',
      regionCode: REGION,
      month: '2026-02',
      reason: '经核实为退回的工资，非挪用',
      dismissedAt: '2026-02-22T02:00:00.000Z',
    };
    const now = new Date().toISOString();
    await t.app.get(KafkaClient).send(Topics.alert, [
      {
        key: 'XM-GR-9',
        value: JSON.stringify({
          id: randomUUID(),
          type: 'AlertDismissed',
          schemaVersion: 1,
          occurredAt: now,
          recordedAt: now,
          projectCode: 'XM-GR-9',
          data: dismissal,
        }),
      },
    ]);
    let record: { body: { alerts: Record<string, unknown> } } | undefined;
    await waitFor(
      async () => {
        record = await t.http.get(`/api/v1/employers/${employer}`).set(bearer(inspector()));
        return (record.body.alerts as { dismissed?: number } | undefined)?.dismissed === 1;
      },
      { description: 'the alert lifecycle in the employer record', timeoutMs: 45_000 },
    );
    expect(record!.body.alerts).toMatchObject({
      stood: 2,
      open: 1,
      dismissed: 1,
      byCode: [
        { code: 'PAY_SHEET_MISSING', stood: 1, open: 0 },
        { code: 'WAGE_ARREARS', stood: 1, open: 1 },
      ],
    });
    const recent = record!.body.alerts.recent as { code: string; open: boolean; firstRaisedAt: string }[];
    expect(recent.map((a) => a.code).sort()).toEqual(['PAY_SHEET_MISSING', 'WAGE_ARREARS']);
    expect(recent.find((a) => a.code === 'WAGE_ARREARS')).toMatchObject({
      open: true,
      firstRaisedAt: raisedAt,
    });
  }, 120_000);

  describe('the blacklist (人社部令第45号)', () => {
    const employer = creditCode(5);
    const LEGAL_REP_ID = '350206199001011239';
    const leader = () => token('zhao.leader', 'LEADER');
    const persons = [{ name: '王某某', idNumber: LEGAL_REP_ID, role: 'LEGAL_REPRESENTATIVE' }];

    /** A case of ¥24,000 owed with an order to pay by `deadline`. */
    async function caseWithOrder(deadline: string, at: string) {
      const caseId = await openCase(employer, 'XM-GR-5');
      const order = await t.http.post(`/api/v1/cases/${caseId}/actions`).set(bearer(inspector())).send({
        kind: 'RECTIFICATION_ORDER',
        at,
        note: '责令限期支付拖欠工资',
        deadline,
        amount: '24000.00',
      });
      expect(order.status).toBe(201);
      return caseId;
    }

    it('notice, statement, decision, public list masked, early removal — each step audited and published', async () => {
      clock.set('2027-01-05T10:00:00+08:00');
      await registerProject('XM-GR-5', employer, true);
      const caseId = await openCase(employer, 'XM-GR-5');
      const early = await t.http
        .post('/api/v1/blacklist')
        .set(bearer(inspector()))
        .send({ creditCode: employer, caseId, persons: persons });
      expect(early.status).toBe(422);
      expect(early.body.error).toBe('NOT_LISTABLE');
      await t.http
        .post(`/api/v1/cases/${caseId}/actions`)
        .set(bearer(inspector()))
        .send({
          kind: 'RECTIFICATION_ORDER',
          at: '2027-01-05T09:00:00+08:00',
          note: '责令限期支付',
          deadline: '2027-01-06',
          amount: '24000.00',
        })
        .expect(201);

      // Fri 8 Jan 2027, the order's deadline passed with ¥24,000 owed.
      clock.set('2027-01-08T10:00:00+08:00');
      const adminKey = await t.http
        .post('/api/v1/blacklist')
        .set(admin())
        .send({ creditCode: employer, caseId, persons: persons });
      expect(adminKey.status).toBe(403);
      const notice = await t.http
        .post('/api/v1/blacklist')
        .set(bearer(inspector()))
        .send({ creditCode: employer, caseId, persons: persons });
      expect(notice.status).toBe(201);
      // 2027's schedule is not known: Monday to Friday, 11–15 January.
      expect(notice.body).toMatchObject({
        status: 'NOTIFIED',
        noticeOn: '2027-01-08',
        statementBy: '2027-01-15',
      });
      expect(JSON.stringify(notice.body)).not.toContain(LEGAL_REP_ID);
      const id = notice.body.id as string;
      const twice = await t.http
        .post('/api/v1/blacklist')
        .set(bearer(inspector()))
        .send({ creditCode: employer, caseId, persons: persons });
      expect(twice.status).toBe(409);

      const tooEarly = await t.http
        .post(`/api/v1/blacklist/${id}/decision`)
        .set(bearer(leader()))
        .send({ listed: true });
      expect(tooEarly.status).toBe(409);
      expect(tooEarly.body.error).toBe('STATEMENT_PERIOD_OPEN');
      await t.http
        .post(`/api/v1/blacklist/${id}/statement`)
        .set(bearer(inspector()))
        .send({ text: '资金困难，请求宽限' })
        .expect(201);
      const decided = await t.http
        .post(`/api/v1/blacklist/${id}/decision`)
        .set(bearer(leader()))
        .send({ listed: true });
      expect(decided.status).toBe(201);
      expect(decided.body).toMatchObject({
        status: 'LISTED',
        decidedOn: '2027-01-08',
        listedUntil: '2030-01-07',
      });

      // The public list: no login, the persons masked, no identity number.
      const listed = await t.http.get('/api/v1/blacklist');
      expect(listed.status).toBe(200);
      const entry = listed.body.items.find((i: { creditCode: string }) => i.creditCode === employer);
      expect(entry).toEqual({
        employerName: `承包单位 ${employer.slice(-4)}`,
        creditCode: employer,
        reason: '拖欠农民工工资，经责令限期支付逾期仍未支付',
        decidedOn: '2027-01-08',
        listedUntil: '2030-01-07',
        persons: [{ name: '王**', role: 'LEGAL_REPRESENTATIVE' }],
      });
      expect(JSON.stringify(listed.body)).not.toContain(LEGAL_REP_ID);
      expect(JSON.stringify(listed.body)).not.toContain('王某某');
      const exported = await t.http
        .get('/api/v1/blacklist/export')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.body as ArrayBuffer);
      const cells = workbook.worksheets[0].getSheetValues().flat().map(String);
      expect(cells).toContain(employer);
      expect(cells).toContain('王**（法定代表人）');
      expect(cells.join()).not.toContain(LEGAL_REP_ID);
      const record = await t.http.get(`/api/v1/employers/${employer}`).set(bearer(inspector()));
      expect(record.body.blacklist).toMatchObject({
        listed: true,
        listing: { id, listedUntil: '2030-01-07' },
      });

      // Early removal: refused while owed and before 6 months; granted once paid, 6 months on, with the pledge.
      const refused = await t.http
        .post(`/api/v1/blacklist/${id}/removal`)
        .set(bearer(inspector()))
        .send({ pledgeReference: '信用承诺书〔2027〕1号' });
      expect(refused.status).toBe(422);
      expect(refused.body.details.map((d: { code: string }) => d.code)).toEqual([
        'ARREARS_UNPAID',
        'TOO_SOON',
      ]);
      await t.http
        .post(`/api/v1/cases/${caseId}/recoveries`)
        .set(bearer(inspector()))
        .send({ amount: '24000.00', workers: 3, paidOn: '2027-01-08' })
        .expect(201);
      clock.set('2027-07-07T10:00:00+08:00');
      const stillEarly = await t.http
        .post(`/api/v1/blacklist/${id}/removal`)
        .set(bearer(inspector()))
        .send({ pledgeReference: '信用承诺书〔2027〕1号' });
      expect(stillEarly.body.details.map((d: { code: string }) => d.code)).toEqual(['TOO_SOON']);
      clock.set('2027-07-08T10:00:00+08:00');
      const removed = await t.http
        .post(`/api/v1/blacklist/${id}/removal`)
        .set(bearer(inspector()))
        .send({ pledgeReference: '信用承诺书〔2027〕1号' });
      expect(removed.status).toBe(201);
      expect(removed.body).toMatchObject({ status: 'REMOVED', removedOn: '2027-07-08' });
      const after = await t.http.get('/api/v1/blacklist');
      expect(after.body.items.map((i: { creditCode: string }) => i.creditCode)).not.toContain(employer);

      const shown = await t.http.get(`/api/v1/blacklist/procedures/${id}`).set(bearer(inspector()));
      expect(shown.body.audit.map((a: { step: string }) => a.step)).toEqual([
        'NOTICE',
        'STATEMENT',
        'DECISION',
        'REMOVAL',
      ]);
      expect(shown.body.persons).toEqual([
        {
          name: '王**',
          role: 'LEGAL_REPRESENTATIVE',
          idNumber: maskIdentityNumber(LEGAL_REP_ID),
        },
      ]);
      expect(JSON.stringify(shown.body)).not.toContain(LEGAL_REP_ID);
      const other = await t.http
        .get(`/api/v1/blacklist/procedures/${id}`)
        .set(bearer(token('x', 'INSPECTOR', '350203')));
      expect(other.status).toBe(404);

      await events.waitFor(() => published('EmployerDelisted', employer).length === 1, {
        description: 'EmployerListed and EmployerDelisted published',
        timeoutMs: 45_000,
      });
      expect(published('EmployerListed', employer)[0].data).toMatchObject({
        listingId: id,
        listedUntil: '2030-01-07',
      });
      for (const m of events.messages) expect(m.value).not.toContain(LEGAL_REP_ID);
    }, 120_000);

    it('wages paid before the decision end the procedure without a listing', async () => {
      clock.set('2027-08-02T10:00:00+08:00');
      const caseId = await caseWithOrder('2027-08-03', '2027-08-02T09:00:00+08:00');
      clock.set('2027-08-04T10:00:00+08:00');
      const notice = await t.http
        .post('/api/v1/blacklist')
        .set(bearer(inspector()))
        .send({ creditCode: employer, caseId, persons: persons });
      expect(notice.status).toBe(201);
      await t.http
        .post(`/api/v1/cases/${caseId}/recoveries`)
        .set(bearer(inspector()))
        .send({ amount: '24000.00', workers: 3, paidOn: '2027-08-04' })
        .expect(201);
      clock.set('2027-08-20T10:00:00+08:00');
      const decided = await t.http
        .post(`/api/v1/blacklist/${notice.body.id}/decision`)
        .set(bearer(inspector()))
        .send({ listed: true });
      expect(decided.body).toMatchObject({ status: 'ENDED_BY_PAYMENT', listedUntil: null });
      const listed = await t.http.get('/api/v1/blacklist');
      expect(listed.body.items.map((i: { creditCode: string }) => i.creditCode)).not.toContain(employer);
    }, 60_000);

    it("gives leaders the counts by grade and region, and this year's listings and removals", async () => {
      const cityLeader = token('chen.leader', 'LEADER', '350200');
      const shown = await t.http.get('/api/v1/gradings/statistics?regionCode=350200').set(bearer(cityLeader));
      expect(shown.status).toBe(200);
      // 1 and 2 are C, 3 and 4 A (the 2026 run); 5 was never graded. One listing in 2027, removed in 2027.
      const counts = { grades: { A: 2, B: 0, C: 2 }, listings: 1, removals: 1, listedNow: 0 };
      expect(shown.body).toEqual({
        regionCode: '350200',
        year: null,
        listingsYear: 2027,
        ...counts,
        children: [{ regionCode: REGION, ...counts }],
      });
      const byYear = await t.http.get('/api/v1/gradings/statistics?year=2025').set(bearer(inspector()));
      // the downgrades of 2026 kept the year of the grade they lowered (2025, never graded: counted as A)
      expect(byYear.body.grades).toEqual({ A: 0, B: 0, C: 2 });
      const outside = await t.http
        .get('/api/v1/gradings/statistics?regionCode=350200')
        .set(bearer(inspector()));
      expect(outside.status).toBe(403);
    });
  });
});
