import { randomUUID } from 'node:crypto';
import { Topics } from '@wage/contracts';
import { BlindIndex, KafkaClient, signAccessToken, signWorkerToken, TestClock } from '@wage/platform';
import { startTestApp, testSecrets, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

const REGION = '350206';
const PROJECT = 'XM-CLUE-1';
const OTHER_PROJECT = 'XM-CLUE-2';
// Fictitious identity numbers with valid check digits.
const ZHANG = '350206199001011239';
const LI = '350206198805052316';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("workers' arrears clues (real PostgreSQL and Kafka)", () => {
  const secrets = testSecrets();
  // Mon 14 Sep 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-09-14T10:00:00+08:00');
  let t: TestApp;
  let zhang: string;
  let li: string;
  const inspector = () =>
    signAccessToken({ sub: 'li.inspector', role: 'INSPECTOR', region: REGION }, secrets.JWT_SECRET, 3_600);

  const envelope = (type: string, projectCode: string, data: object) =>
    JSON.stringify({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      recordedAt: new Date().toISOString(),
      projectCode,
      data,
    });

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ...secrets }, { clock });
    const index = t.app.get(BlindIndex);
    const kafka = t.app.get(KafkaClient);
    const project = (code: string, contractor: string, creditCode: string) => ({
      key: code,
      value: envelope('ProjectRegistered', code, {
        code,
        name: `${code} 安置房项目`,
        regionCode: REGION,
        contractor: { name: contractor, creditCode },
        owner: { name: '湖里区住建局' },
        contractAmountFen: 100_000_000,
        startDate: '2026-03-01',
        payday: 15,
        status: 'IN_CONSTRUCTION',
        apiKeyHash: 'a'.repeat(64),
      }),
    });
    await kafka.send(Topics.project, [
      project(PROJECT, '厦门某建设工程有限公司', '91350206MA31XM5K8N'),
      project(OTHER_PROJECT, '厦门另一建筑有限公司', '91350200MA2Y8N3K0A'),
    ]);
    const enrol = (idNumber: string, name: string, idMasked: string) => ({
      key: PROJECT,
      value: envelope('WorkerEnrolled', PROJECT, {
        workerId: randomUUID(),
        idHash: index.hash('id', idNumber),
        idMasked,
        name,
        entryDate: '2026-03-01',
      }),
    });
    await kafka.send(Topics.roster, [
      enrol(ZHANG, '张三', '350206********1239'),
      enrol(LI, '李四', '350206********2316'),
    ]);
    await waitFor(
      async () =>
        Number(
          (
            await t.dataSource.query(
              `SELECT (SELECT count(*) FROM enforcement.projects) + (SELECT count(*) FROM enforcement.roll_entries) AS n`,
            )
          )[0].n,
        ) === 4,
      { description: 'the projects and the roll', timeoutMs: 45_000 },
    );
    zhang = signWorkerToken(index.hash('id', ZHANG), secrets.JWT_SECRET, 1_800);
    li = signWorkerToken(index.hash('id', LI), secrets.JWT_SECRET, 1_800);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const clue = (overrides: Record<string, unknown> = {}) => ({
    projectCode: PROJECT,
    periodFrom: '2026-07',
    periodTo: '2026-08',
    amountOwed: '12000.00',
    workersAffected: 5,
    description: '7月、8月工资没有发',
    phone: '13800001234',
    ...overrides,
  });

  it('puts a worker’s clue in the intake queue with its clock, the complainant from the roll, and shows it to them as received then accepted', async () => {
    const filed = await t.http.post('/api/v1/worker/clues').set(bearer(zhang)).send(clue());
    expect(filed.status).toBe(201);
    // 5 working days after Mon 14 Sep: Tue 15, Wed 16, Thu 17, Fri 18 and Sun 20 Sep (worked, 调休).
    expect(filed.body).toEqual({ id: expect.any(String), status: 'RECEIVED', acceptBy: '2026-09-20' });

    const queue = await t.http.get('/api/v1/complaints?status=PENDING&kind=CLUE').set(bearer(inspector()));
    expect(queue.status).toBe(200);
    const inQueue = queue.body.items.find((c: { id: string }) => c.id === filed.body.id);
    expect(inQueue).toMatchObject({
      kind: 'CLUE',
      complainant: { name: '张三', idNumber: '350206********1239', phone: '138****1234' },
      employer: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
      projectCode: PROJECT,
      regionCode: REGION,
      amountOwed: '12000.00',
      enteredBy: 'worker',
      acceptBy: '2026-09-20',
      clock: { overdue: false },
    });
    const stored = await t.dataSource.query(
      `SELECT complainant_id_enc, complainant_phone_enc FROM enforcement.complaints WHERE id = $1`,
      [filed.body.id],
    );
    expect(stored[0].complainant_id_enc).toBeNull();
    expect(stored[0].complainant_phone_enc).not.toContain('13800001234');

    const received = await t.http.get('/api/v1/worker/clues').set(bearer(zhang));
    expect(received.status).toBe(200);
    expect(received.body.items).toEqual([
      expect.objectContaining({ id: filed.body.id, status: 'RECEIVED', acceptBy: '2026-09-20' }),
    ]);

    const accepted = await t.http
      .post(`/api/v1/complaints/${filed.body.id}/accept`)
      .set(bearer(inspector()))
      .send({});
    expect(accepted.status).toBe(200);
    const after = await t.http.get('/api/v1/worker/clues').set(bearer(zhang));
    expect(after.body.items[0]).toMatchObject({ status: 'ACCEPTED', acceptedAt: expect.any(String) });
    // The complainant learns the decision, not the case: no case id, inspectors, actions or findings.
    expect(JSON.stringify(after.body)).not.toContain(accepted.body.caseId);
    expect(Object.keys(after.body.items[0])).not.toEqual(
      expect.arrayContaining(['caseId', 'inspectors', 'decision']),
    );
  });

  it('tells a refused worker why and where to go instead', async () => {
    const filed = await t.http
      .post('/api/v1/worker/clues')
      .set(bearer(li))
      .send(clue({ periodFrom: '2026-01', periodTo: '2026-01', description: '1月加班费少算' }));
    expect(filed.status).toBe(201);
    const refused = await t.http
      .post(`/api/v1/complaints/${filed.body.id}/refuse`)
      .set(bearer(inspector()))
      .send({ reason: '属劳动争议', redirectTo: '湖里区劳动人事争议仲裁委员会' });
    expect(refused.status).toBe(200);
    const own = await t.http.get('/api/v1/worker/clues').set(bearer(li));
    expect(own.body.items).toEqual([
      expect.objectContaining({
        id: filed.body.id,
        status: 'REFUSED',
        refusal: { reason: '属劳动争议', redirectTo: '湖里区劳动人事争议仲裁委员会' },
      }),
    ]);
  });

  it('lets a worker read only their own clues, file only about a project whose roll has them, and nothing else', async () => {
    const zhangs = await t.http.get('/api/v1/worker/clues').set(bearer(zhang));
    const lis = await t.http.get('/api/v1/worker/clues').set(bearer(li));
    const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((c) => c.id);
    expect(ids(zhangs).length).toBeGreaterThan(0);
    expect(ids(lis).length).toBeGreaterThan(0);
    expect(ids(zhangs).filter((id) => ids(lis).includes(id))).toEqual([]);

    const stranger = await t.http
      .post('/api/v1/worker/clues')
      .set(bearer(zhang))
      .send(clue({ projectCode: OTHER_PROJECT }));
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({
      error: 'PROJECT_NOT_YOURS',
      message: expect.stringMatching(/实名册/),
    });

    expect((await t.http.get('/api/v1/complaints').set(bearer(zhang))).status).toBe(403);
    expect((await t.http.get('/api/v1/worker/clues').set(bearer(inspector()))).status).toBe(403);
    expect((await t.http.get('/api/v1/worker/clues')).status).toBe(401);
    const invalid = await t.http
      .post('/api/v1/worker/clues')
      .set(bearer(zhang))
      .send(clue({ phone: '123' }));
    expect(invalid.status).toBe(400);
  });
});
