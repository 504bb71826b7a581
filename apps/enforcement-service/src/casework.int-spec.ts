import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ProjectRegistered, Topics } from '@wage/contracts';
import { KafkaClient, TestClock } from '@wage/platform';
import {
  bearer,
  eventEnvelope,
  pdfText,
  staffToken,
  startTestApp,
  testSecrets,
  TopicReader,
  waitFor,
  type TestApp,
} from '@wage/testing';
import {
  alertData,
  publishAlertEvent,
  startAlertApp,
  waitForAlert,
} from '../../alert-service/src/testing/alert-fixtures';
import { AppModule } from './app.module';
import { EscalateOverdueCasesUseCase } from './cases/use-cases/escalate-overdue-cases/escalate-overdue-cases.use-case';
import { envSchema, serviceDefinition } from './config/env';

const REGION = '350206';
const CREDIT_CODE = '91350206MA31XM5K8N';
const ID_NUMBER = '350206199001011239';

describe('enforcement-service casework (real PostgreSQL, Kafka, and alert-service over HTTP)', () => {
  const secrets = testSecrets();
  // Mon 14 Sep 2026, 10:00 in Shanghai: the clocks below cross Mid-Autumn and National Day.
  const clock = new TestClock('2026-09-14T10:00:00+08:00');
  let alerts: TestApp;
  let t: TestApp;
  let findings: TopicReader;
  const token = (sub: string, role: 'INSPECTOR' | 'LEADER', region = REGION) =>
    staffToken(secrets.JWT_SECRET, { sub, role, region }, 3_600);
  const inspector = () => token('li.inspector', 'INSPECTOR');
  const colleague = () => token('wang.inspector', 'INSPECTOR');

  beforeAll(async () => {
    alerts = await startAlertApp({ ...secrets });
    const { port } = alerts.app.getHttpServer().address() as AddressInfo;
    t = await startTestApp(
      { envSchema, serviceDefinition, AppModule },
      {
        ...secrets,
        ALERT_SERVICE_URL: `http://127.0.0.1:${port}`,
        // Fujian's figures of 拒不支付劳动报酬罪 for these tests (the national default is ¥5,000 and ¥30,000).
        CRIMINAL_THRESHOLDS: '{"350000":{"individual":"10000","group":"60000"}}',
      },
      { clock },
    );
    findings = await TopicReader.start(t.topic(Topics.enforcement));
    const registration = eventEnvelope(ProjectRegistered, 'XM-ENF-1', {
      code: 'XM-ENF-1',
      name: '湖里区安置房项目',
      regionCode: REGION,
      contractor: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
      owner: { name: '湖里区住建局' },
      contractAmountFen: 100_000_000,
      startDate: '2026-03-01',
      payday: 15,
      status: 'IN_CONSTRUCTION',
      apiKeyHash: 'a'.repeat(64),
    });
    await t.app
      .get(KafkaClient)
      .send(Topics.project, [{ key: 'XM-ENF-1', value: JSON.stringify(registration) }]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM enforcement.projects WHERE code = 'XM-ENF-1'`)).length === 1,
      { description: 'the project registration', timeoutMs: 45_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await findings?.stop();
    await t?.close();
    await alerts?.close();
  });

  const clue = (overrides: Record<string, unknown> = {}) => ({
    kind: 'CLUE',
    complainant: { name: '张三', idNumber: ID_NUMBER, phone: '13800001234' },
    employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
    projectCode: 'XM-ENF-1',
    regionCode: REGION,
    periodFrom: '2026-07',
    periodTo: '2026-08',
    amountOwed: '24000.00',
    workersAffected: 3,
    description: '7月、8月工资未发放',
    ...overrides,
  });

  async function openCase(): Promise<string> {
    const submitted = await t.http.post('/api/v1/complaints').set(bearer(inspector())).send(clue());
    expect(submitted.status).toBe(201);
    const accepted = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/accept`)
      .set(bearer(inspector()))
      .send({});
    expect(accepted.status).toBe(200);
    return accepted.body.caseId;
  }

  it('opens a case from a clue accepted within its clock; the 60-working-day clock skips holidays and counts 调休', async () => {
    const submitted = await t.http.post('/api/v1/complaints').set(bearer(inspector())).send(clue());
    expect(submitted.status).toBe(201);
    // 5 working days after Mon 14 Sep: Tue 15, Wed 16, Thu 17, Fri 18 and Sun 20 Sep (worked, 调休).
    expect(submitted.body.acceptBy).toBe('2026-09-20');

    const accepted = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/accept`)
      .set(bearer(inspector()))
      .send({ note: '材料齐全' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedWithinLimit).toBe(true);
    // Twelve weeks of weekdays would end Mon 7 Dec; 25 Sep and 1, 2, 5, 6, 7 Oct off (+6), Sun 20 Sep and Sat 10 Oct
    // worked (−2): Fri 11 Dec.
    expect(accepted.body.closeBy).toBe('2026-12-11');

    const shown = await t.http.get(`/api/v1/cases/${accepted.body.caseId}`).set(bearer(inspector()));
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      status: 'OPEN',
      source: 'COMPLAINT',
      complaintId: submitted.body.id,
      employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
      clock: { closeBy: '2026-12-11', extended: false, overdue: false, calendarKnown: true },
      wages: { owed: '24000.00', recovered: '0.00', outstanding: '24000.00', workersOwed: 3 },
    });
    expect(shown.body.clock.workingDaysLeft).toBe(60);
    expect(shown.body.timeline.map((e: { event: string }) => e.event)).toEqual(['OPENED']);

    const complaint = await t.http.get(`/api/v1/complaints/${submitted.body.id}`).set(bearer(inspector()));
    expect(complaint.body).toMatchObject({ status: 'ACCEPTED', caseId: accepted.body.caseId });
    // Encrypted at rest, masked in the answer.
    expect(complaint.body.complainant).toMatchObject({
      idNumber: '350206********1239',
      phone: '138****1234',
    });
    const [row] = await t.dataSource.query(`SELECT * FROM enforcement.complaints WHERE id = $1`, [
      submitted.body.id,
    ]);
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(row)).not.toContain('13800001234');

    const again = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/refuse`)
      .set(bearer(inspector()))
      .send({ reason: '重复' });
    expect(again.status).toBe(409);
  });

  it('records the reason and the redirection of a refused complaint, and opens no case', async () => {
    const submitted = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send(
        clue({
          kind: 'COMPLAINT',
          employer: { name: '某劳务派遣公司' },
          periodFrom: '2023-01',
          periodTo: '2023-02',
        }),
      );
    const refused = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/refuse`)
      .set(bearer(inspector()))
      .send({ reason: '超过两年时效（第二十条）', redirectTo: '湖里区劳动人事争议仲裁委员会' });
    expect(refused.status).toBe(200);
    const shown = await t.http.get(`/api/v1/complaints/${submitted.body.id}`).set(bearer(colleague()));
    expect(shown.body).toMatchObject({
      status: 'REFUSED',
      caseId: null,
      clock: null,
      decision: {
        by: 'li.inspector',
        refusalReason: '超过两年时效（第二十条）',
        redirectTo: '湖里区劳动人事争议仲裁委员会',
      },
    });
  });

  it('links a duplicate clue about the same employer and period to the first', async () => {
    const first = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send(clue({ periodFrom: '2026-01', periodTo: '2026-03', employer: { name: '某某劳务有限公司' } }));
    const second = await t.http
      .post('/api/v1/complaints')
      .set(bearer(colleague()))
      .send(clue({ periodFrom: '2026-03', periodTo: '2026-04', employer: { name: '某某劳务 有限公司' } }));
    expect(second.status).toBe(201);
    expect(second.body.duplicateOf).toBe(first.body.id);
    const shown = await t.http.get(`/api/v1/complaints/${first.body.id}`).set(bearer(inspector()));
    expect(shown.body.linked).toEqual([second.body.id]);
  });

  it("keeps a confidential reporter from all but the case's inspectors", async () => {
    const report = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send(
        clue({
          kind: 'REPORT',
          complainant: { name: '李四', phone: '13900005678' },
          periodFrom: '2025-11',
          periodTo: '2025-11',
          employer: { name: '另一家公司' },
        }),
      );
    const byColleague = await t.http.get(`/api/v1/complaints/${report.body.id}`).set(bearer(colleague()));
    expect(byColleague.body.complainant).toEqual({
      name: '李*',
      idNumber: null,
      phone: null,
      confidential: true,
    });
    const byLeader = await t.http
      .get(`/api/v1/complaints/${report.body.id}`)
      .set(bearer(token('chen.leader', 'LEADER')));
    expect(byLeader.body.complainant.name).toBe('李*');
    const byOwn = await t.http.get(`/api/v1/complaints/${report.body.id}`).set(bearer(inspector()));
    expect(byOwn.body.complainant).toMatchObject({ name: '李四', phone: '139****5678' });
  });

  it('moves the clock once with an extension and refuses a second', async () => {
    const caseId = await openCase();
    const at = '2026-09-14T09:30:00+08:00';
    const first = await t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(bearer(inspector()))
      .send({ kind: 'EXTENSION', at, note: '案情复杂，经负责人批准延长', documentNo: '延期〔2026〕1号' });
    expect(first.status).toBe(201);
    // 30 more working days from Fri 11 Dec: 14 in December, then 2027 Monday to Friday (no schedule yet): Fri 22 Jan.
    expect(first.body.clock).toMatchObject({ closeBy: '2027-01-22', extended: true, calendarKnown: false });
    const second = await t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(bearer(inspector()))
      .send({ kind: 'EXTENSION', at, note: '再次延长' });
    expect(second.status).toBe(422);
    expect(second.body.error).toBe('EXTENSION_USED');
    const shown = await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(inspector()));
    expect(shown.body.clock.closeBy).toBe('2027-01-22');
    expect(shown.body.actions).toHaveLength(1);
  });

  it("refuses a penalty outside its article's range and extra compensation outside 50–100 % of the wages owed", async () => {
    const caseId = await openCase();
    const act = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/v1/cases/${caseId}/actions`)
        .set(bearer(inspector()))
        .send({ at: '2026-09-14T09:30:00+08:00', note: '依法处理', ...body });
    const tooHigh = await act({ kind: 'PENALTY', article: 'ART_54_UNIT', amount: '60000.00' });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body).toMatchObject({ error: 'OUT_OF_RANGE', details: [{ field: 'amount' }] });
    expect(tooHigh.body.message).toContain('20000.00');
    expect((await act({ kind: 'PENALTY', article: 'ART_54_UNIT', amount: '30000.00' })).status).toBe(201);

    // The order states ¥24,000 owed: compensation between ¥12,000 and ¥24,000.
    const order = await act({ kind: 'RECTIFICATION_ORDER', deadline: '2026-09-21', amount: '24000.00' });
    expect(order.status).toBe(201);
    // The rules engine watches the order for the clue's months (RECTIFICATION_OVERDUE): published through the outbox.
    expect(order.body.watchedMonths).toEqual(['2026-07', '2026-08']);
    const published = await findings.waitFor(
      (messages) => messages.some((m) => JSON.parse(m.value!).data?.actionId === order.body.id),
      { description: 'RectificationOrdered published' },
    );
    const ordered = published
      .map((m) => JSON.parse(m.value!))
      .find((e) => e.data?.actionId === order.body.id);
    expect(ordered).toMatchObject({
      type: 'RectificationOrdered',
      projectCode: 'XM-ENF-1',
      data: {
        caseId,
        months: ['2026-07', '2026-08'],
        deadline: '2026-09-21',
        violations: ['WAGE_ARREARS', 'WAGE_UNDERPAID'],
        ordersPayment: true,
        amountFen: 2_400_000,
      },
    });
    expect(JSON.stringify(ordered)).not.toContain(ID_NUMBER);
    expect((await act({ kind: 'SUMMONS', month: '2026-07' })).status).toBe(400);
    expect((await act({ kind: 'EXTRA_COMPENSATION', amount: '11999.99' })).status).toBe(422);
    expect((await act({ kind: 'EXTRA_COMPENSATION', amount: '12000.00' })).status).toBe(201);
    const missing = await act({ kind: 'RECTIFICATION_ORDER' });
    expect(missing.status).toBe(400);
  });

  it('gives each action its document as a PDF in Chinese, to those who may see the case', async () => {
    const caseId = await openCase();
    const order = await t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(bearer(inspector()))
      .send({
        kind: 'RECTIFICATION_ORDER',
        at: '2026-09-14T09:30:00+08:00',
        note: `足额支付7月、8月工资，名单见附件（张三 ${ID_NUMBER}）`,
        deadline: '2026-09-21',
        amount: '24000.00',
        documentNo: '厦湖人社监令〔2026〕12号',
      });
    expect(order.status).toBe(201);
    const pdf = await t.http
      .get(`/api/v1/cases/${caseId}/documents/${order.body.id}`)
      .set(bearer(colleague()))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers['content-disposition'])).toContain(
      '劳动保障监察限期改正指令书-厦湖人社监令〔2026〕12号.pdf',
    );
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(body);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '劳动保障监察限期改正指令书',
      '文号：厦湖人社监令〔2026〕12号',
      '厦门某建设工程有限公司（统一社会信用代码：91350206MA31XM5K8N）：',
      '《劳动保障监察条例》第二十六条',
      '于2026年9月21日前改正',
      '应支付的工资报酬：24000.00元。',
      '厦门市湖里区人力资源和社会保障局',
      '2026年9月14日',
    ])
      expect(flat).toContain(expected);
    // The identity number the note quoted is masked; the complainant of the clue is never named.
    expect(flat).not.toContain(ID_NUMBER);
    expect(flat).toContain('350206********1239');

    const elsewhere = token('chen.inspector', 'INSPECTOR', '350203');
    const hidden = await t.http
      .get(`/api/v1/cases/${caseId}/documents/${order.body.id}`)
      .set(bearer(elsewhere));
    expect(hidden.status).toBe(404);
    const noAction = await t.http
      .get(`/api/v1/cases/${caseId}/documents/${randomUUID()}`)
      .set(bearer(inspector()));
    expect(noAction.status).toBe(404);
  });

  it('shows owed, recovered and outstanding, and publishes a finding of unpaid wages without personal data', async () => {
    const caseId = await openCase();
    const paid = await t.http
      .post(`/api/v1/cases/${caseId}/recoveries`)
      .set(bearer(inspector()))
      .send({ amount: '20000.00', workers: 3, paidOn: '2026-09-14', note: '银行代发' });
    expect(paid.status).toBe(201);
    expect(paid.body.wages).toEqual({ owed: '24000.00', recovered: '20000.00', outstanding: '4000.00' });
    const tooMuch = await t.http
      .post(`/api/v1/cases/${caseId}/recoveries`)
      .set(bearer(inspector()))
      .send({ amount: '4000.01', workers: 1, paidOn: '2026-09-14' });
    expect(tooMuch.status).toBe(422);

    const closed = await t.http
      .post(`/api/v1/cases/${caseId}/close`)
      .set(bearer(inspector()))
      .send({
        code: 'HANDLED',
        finding: { unpaidWages: true, violations: ['拖欠农民工工资'] },
        summary: '已责令支付',
      });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', withinLimit: true });

    const messages = await findings.waitFor(
      (all) => all.some((m) => m.value?.includes('EmployerFindingRecorded') && m.value.includes(caseId)),
      { description: 'the finding on wage.enforcement.events.v1', timeoutMs: 45_000 },
    );
    const finding = messages.find(
      (m) => m.value!.includes('EmployerFindingRecorded') && m.value!.includes(caseId),
    )!;
    expect(finding.key).toBe('XM-ENF-1');
    expect(JSON.parse(finding.value!).data).toMatchObject({
      caseId,
      creditCode: CREDIT_CODE,
      unpaidWages: true,
      wagesOwedFen: 2_400_000,
      recoveredFen: 2_000_000,
      workersAffected: 3,
    });
    for (const m of messages) {
      expect(m.value).not.toContain(ID_NUMBER);
      expect(m.value).not.toContain('13800001234');
      expect(m.value).not.toContain('张三');
    }
    const shown = await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(inspector()));
    expect(shown.body.timeline.map((e: { event: string }) => e.event)).toEqual([
      'OPENED',
      'RECOVERY',
      'CLOSED',
    ]);
    const act = await t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(bearer(inspector()))
      .send({ kind: 'SUMMONS', at: '2026-09-14T09:30:00+08:00', note: '约谈' });
    expect(act.status).toBe(409);
  });

  // Found by the attack pass (totals past 2^53 fen): a case with no wages owed on record took recoveries without
  // bound. Their sum is at most 1000亿元, a 422 on the amount beyond it.
  it('bounds the recoveries of a case without wages owed on record, with 422 on the amount', async () => {
    // In Shenzhen, outside every region the other tests list or count.
    const shenzhen = bearer(token('li.shenzhen', 'INSPECTOR', '440305'));
    const submitted = await t.http
      .post('/api/v1/complaints')
      .set(shenzhen)
      .send(clue({ amountOwed: undefined, projectCode: undefined, regionCode: '440305' }));
    expect(submitted.status).toBe(201);
    const accepted = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/accept`)
      .set(shenzhen)
      .send({});
    const caseId = accepted.body.caseId;
    const recover = (amount: string) =>
      t.http
        .post(`/api/v1/cases/${caseId}/recoveries`)
        .set(shenzhen)
        .send({ amount, workers: 1, paidOn: '2026-09-14' });
    expect((await recover('99999999999.99')).status).toBe(201);
    const beyond = await recover('0.02');
    expect(beyond.status).toBe(422);
    expect(beyond.body).toMatchObject({
      error: 'RECOVERED_TOO_LARGE',
      details: [{ field: 'amount', code: 'RECOVERED_TOO_LARGE', message: expect.stringContaining('上限') }],
    });
    expect((await recover('0.01')).status).toBe(201);
  });

  it("opens a case from an alert with the alert's evidence, once", async () => {
    const data = alertData({ projectCode: 'XM-ENF-1', regionCode: REGION });
    await publishAlertEvent(alerts, 'AlertRaised', data);
    const alert = await waitForAlert(alerts, data.alertKey);
    const opened = await t.http.post('/api/v1/cases').set(bearer(inspector())).send({ alertId: alert.id });
    expect(opened.status).toBe(201);
    const shown = await t.http.get(`/api/v1/cases/${opened.body.id}`).set(bearer(inspector()));
    expect(shown.body).toMatchObject({
      source: 'ALERT',
      alertId: alert.id,
      alertKey: data.alertKey,
      employer: { creditCode: CREDIT_CODE },
      wages: { owed: '12000.00', workersOwed: 12 },
      evidence: { alert: { code: 'WAGE_ARREARS', amounts: { netPayDueFen: 1_200_000 } } },
    });
    const again = await t.http.post('/api/v1/cases').set(bearer(inspector())).send({ alertId: alert.id });
    expect(again.status).toBe(409);
    const elsewhere = await t.http
      .post('/api/v1/cases')
      .set(bearer(token('zhao.other', 'INSPECTOR', '350103')))
      .send({ alertId: alert.id });
    expect(elsewhere.status).toBe(404);
    await waitFor(
      () => findings.messages.some((m) => m.value?.includes('CaseOpened') && m.value.includes(data.alertKey)),
      {
        description: 'CaseOpened with the alert key',
        timeoutMs: 45_000,
      },
    );
  });

  it("scopes cases to the caller's region and lets only inspectors act", async () => {
    const caseId = await openCase();
    const other = token('zhao.other', 'INSPECTOR', '350103');
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(other))).status).toBe(404);
    const list = await t.http.get('/api/v1/cases').set(bearer(other));
    expect(list.body.total).toBe(0);
    const mine = await t.http.get('/api/v1/cases?status=OPEN&overdue=false').set(bearer(inspector()));
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const byLeader = await t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(bearer(token('chen.leader', 'LEADER')))
      .send({ kind: 'SUMMONS', at: '2026-09-14T09:30:00+08:00', note: '约谈' });
    expect(byLeader.status).toBe(403);
    const project = await t.http
      .post('/api/v1/cases')
      .set(bearer(inspector()))
      .send({ projectCode: 'XM-ENF-1', summary: '现场检查发现未按月支付' });
    expect(project.status).toBe(201);
    expect(project.body.closeBy).toBe('2026-12-11');
  });

  // Last: it counts what the tests above left (run in file order).
  it('counts cases, closures within the limit, workers helped and wages recovered, by child region', async () => {
    const all = await t.http.get('/api/v1/cases?pageSize=200').set(bearer(inspector()));
    const byCity = await t.http
      .get('/api/v1/enforcement/statistics?regionCode=350200&from=2026-09&to=2026-09')
      .set(bearer(token('chen.leader', 'LEADER', '350200')));
    expect(byCity.status).toBe(200);
    const figures = {
      casesOpened: all.body.total,
      casesClosed: 1,
      closedWithinLimit: 1,
      overdue: 0,
      workersHelped: 3,
      amountRecovered: '20000.00',
    };
    expect(byCity.body).toMatchObject({ regionCode: '350200', from: '2026-09', to: '2026-09', ...figures });
    expect(byCity.body.children).toEqual([expect.objectContaining({ regionCode: REGION, ...figures })]);
    expect(byCity.body.recoveryRate).toBeGreaterThan(0);
    expect(byCity.body.recoveryRate).toBeLessThan(100);
    const before = await t.http
      .get('/api/v1/enforcement/statistics?regionCode=350200&from=2026-01&to=2026-08')
      .set(bearer(token('chen.leader', 'LEADER', '350200')));
    expect(before.body).toMatchObject({
      casesOpened: 0,
      recoveryRate: null,
      children: [expect.objectContaining({ regionCode: REGION, casesOpened: 0, amountRecovered: '0.00' })],
    });
    const outside = await t.http
      .get(`/api/v1/enforcement/statistics?regionCode=${REGION}`)
      .set(bearer(token('zhao.other', 'INSPECTOR', '350103')));
    expect(outside.status).toBe(403);
  });

  it('publishes an open case past its investigation limit as CaseOverdue, once per limit', async () => {
    const caseId = await openCase();
    const escalate = t.app.get(EscalateOverdueCasesUseCase);
    const before = clock.now();
    try {
      // The limit is Fri 11 Dec 2026; Tue 15 Dec is two working days past it.
      clock.set('2026-12-15T10:00:00+08:00');
      await escalate.execute(clock.now());
      const published = await findings.waitFor(
        (messages) => messages.some((m) => m.value?.includes('CaseOverdue') && m.value.includes(caseId)),
        { description: 'CaseOverdue published' },
      );
      const overdue = published
        .map((m) => JSON.parse(m.value!))
        .filter((e) => e.type === 'CaseOverdue' && e.data.caseId === caseId);
      expect(overdue).toHaveLength(1);
      expect(overdue[0].data).toMatchObject({
        regionCode: REGION,
        closeBy: '2026-12-11',
        extended: false,
        workingDaysOverdue: 2,
        employer: { creditCode: CREDIT_CODE },
      });
      expect(JSON.stringify(overdue[0])).not.toContain(ID_NUMBER);
      // The next sweep finds the same limit already escalated.
      await escalate.execute(clock.now());
      const [row] = await t.dataSource.query(
        `SELECT to_char(overdue_escalated_close_by, 'YYYY-MM-DD') AS escalated FROM enforcement.cases WHERE id = $1`,
        [caseId],
      );
      expect(row.escalated).toBe('2026-12-11');
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM enforcement.outbox_events WHERE type = 'CaseOverdue' AND payload::text LIKE $1`,
        [`%${caseId}%`],
      );
      expect(n).toBe(1);
    } finally {
      clock.set(before);
    }
  });

  it("offers the transfer to the police once an unheeded order to pay leaves arrears at the province's threshold", async () => {
    const caseId = await openCase();
    const act = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/v1/cases/${caseId}/actions`)
        .set(bearer(inspector()))
        .send({ at: '2026-09-14T09:30:00+08:00', note: '责令限期支付', ...body });
    const view = async () =>
      (await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(inspector()))).body.policeTransfer;
    expect(await view()).toMatchObject({
      offered: false,
      reason: '尚无责令支付工资的限期改正指令或处理决定',
    });
    // ¥36,000 owed to the clue's 3 workers by Mon 21 Sep.
    expect(
      (await act({ kind: 'RECTIFICATION_ORDER', deadline: '2026-09-21', amount: '36000.00' })).status,
    ).toBe(201);
    expect(await view()).toMatchObject({ offered: false, reason: '责令支付工资的期限尚未届满' });
    const before = clock.now();
    try {
      clock.set('2026-09-22T10:00:00+08:00');
      // ¥12,000 a worker on average: Fujian's ¥10,000 for one worker is reached by at least one of them.
      expect(await view()).toMatchObject({
        offered: true,
        transferred: false,
        threshold: { province: '350000', source: 'PROVINCE', individual: '10000.00', group: '60000.00' },
      });
      expect((await view()).reason).toContain('可移送公安机关');
      const paid = await t.http
        .post(`/api/v1/cases/${caseId}/recoveries`)
        .set(bearer(inspector()))
        .send({ amount: '12000.00', workers: 1, paidOn: '2026-09-22' });
      expect(paid.status).toBe(201);
      // ¥24,000 left to 3 workers: ¥8,000 on average, below the figure.
      expect(await view()).toMatchObject({ offered: false });
      expect((await view()).reason).toContain('未达到拒不支付劳动报酬罪的标准');
    } finally {
      clock.set(before);
    }
  });

  it('restarts the acceptance clock of a complaint sent back for a supplement when the supplement arrives', async () => {
    const submitted = await t.http.post('/api/v1/complaints').set(bearer(inspector())).send(clue());
    expect(submitted.body.acceptBy).toBe('2026-09-20');
    const id: string = submitted.body.id;
    const supplement = (text = '已补充7月、8月考勤记录') =>
      t.http.post(`/api/v1/complaints/${id}/supplement`).set(bearer(inspector())).send({ text });
    // Nothing was asked for yet.
    expect((await supplement()).status).toBe(409);
    const asked = await t.http
      .post(`/api/v1/complaints/${id}/request-supplement`)
      .set(bearer(inspector()))
      .send({ what: '请补充欠薪月份的考勤记录' });
    expect(asked.status).toBe(200);
    const before = clock.now();
    try {
      // The supplement arrives on Mon 28 Sep, after the first clock ran out: 5 working days from then are Tue 29,
      // Wed 30 Sep, then (1–7 Oct off) Thu 8, Fri 9 and Sat 10 Oct (worked).
      clock.set('2026-09-28T10:00:00+08:00');
      const received = await supplement();
      expect(received.status).toBe(200);
      expect(received.body).toEqual({ id, status: 'PENDING', acceptBy: '2026-10-10' });
      const shown = await t.http.get(`/api/v1/complaints/${id}`).set(bearer(inspector()));
      expect(shown.body).toMatchObject({
        status: 'PENDING',
        acceptBy: '2026-10-10',
        clock: { overdue: false },
        supplement: { text: '已补充7月、8月考勤记录' },
      });
      expect((await supplement('again')).status).toBe(409);
      const accepted = await t.http.post(`/api/v1/complaints/${id}/accept`).set(bearer(inspector())).send({});
      expect(accepted.body.acceptedWithinLimit).toBe(true);
    } finally {
      clock.set(before);
    }
  });
});
