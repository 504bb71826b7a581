import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ProjectGridChanged, ProjectRegistered, ProjectStatusChanged, Topics } from '@wage/contracts';
import { KafkaClient, TestClock } from '@wage/platform';
import {
  bearer,
  eventEnvelope,
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
} from '../../../alert-service/src/testing/alert-fixtures';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

const REGION = '350206';
const GRID = '350206001'; // 湖里街道
const OTHER_GRID = '350206002'; // 殿前街道
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5c5e7d00000000049454e44ae426082',
    'hex',
  ),
]);

describe('enforcement-service grid visits (real PostgreSQL, Kafka, and alert-service over HTTP)', () => {
  const secrets = testSecrets();
  // Tue 20 Oct 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-10-20T10:00:00+08:00');
  let alerts: TestApp;
  let t: TestApp;
  let events: TopicReader;
  const token = (sub: string, role: 'INSPECTOR' | 'LEADER' | 'GRID_ASSISTANT', region: string) =>
    staffToken(secrets.JWT_SECRET, { sub, role, region }, 3_600);
  const assistant = () => token('zhao.assistant', 'GRID_ASSISTANT', GRID);
  const otherAssistant = () => token('qian.assistant', 'GRID_ASSISTANT', OTHER_GRID);
  const inspector = () => token('li.inspector', 'INSPECTOR', REGION);
  const leader = () => token('sun.leader', 'LEADER', REGION);

  // The grid's projects: a C-grade employer, an A-grade one, an A-grade one with an open alert, one never graded,
  // one visited this month, one completed; and one in the other grid.
  const creditCode = (letter: string) => `91350206MA31XM5K${letter}${letter}`;
  const PROJECTS = [
    { code: 'GV-C', grid: GRID, grade: 'C', status: 'IN_CONSTRUCTION' },
    { code: 'GV-A', grid: GRID, grade: 'A', status: 'IN_CONSTRUCTION' },
    { code: 'GV-A-ALERT', grid: GRID, grade: 'A', status: 'IN_CONSTRUCTION' },
    { code: 'GV-B', grid: GRID, grade: null, status: 'IN_CONSTRUCTION' },
    { code: 'GV-VISITED', grid: GRID, grade: 'B', status: 'IN_CONSTRUCTION' },
    { code: 'GV-DONE', grid: GRID, grade: null, status: 'COMPLETED' },
    { code: 'GV-OTHER', grid: OTHER_GRID, grade: null, status: 'IN_CONSTRUCTION' },
  ] as const;
  const letters = 'ABCDEFGH';

  beforeAll(async () => {
    alerts = await startAlertApp({ ...secrets });
    const { port } = alerts.app.getHttpServer().address() as AddressInfo;
    t = await startTestApp(
      { envSchema, serviceDefinition, AppModule },
      {
        ...secrets,
        ALERT_SERVICE_URL: `http://127.0.0.1:${port}`,
        // 殿前街道 patrols its A employers every 2 months and its B ones every month; elsewhere the national figures.
        PATROL_INTERVALS: `000000=A:exempt;B:2;C:1;UNGRADED:3,${OTHER_GRID}=A:2;B:1`,
      },
      { clock },
    );
    events = await TopicReader.start(t.topic(Topics.enforcement));
    const messages = PROJECTS.map((p, i) => ({
      key: p.code,
      value: JSON.stringify(
        eventEnvelope(ProjectRegistered, p.code, {
          code: p.code,
          name: `${p.code} 工程`,
          regionCode: REGION,
          gridCode: p.grid,
          contractor: { name: `${p.code} 建设公司`, creditCode: creditCode(letters[i]) },
          owner: { name: '湖里区住建局' },
          contractAmountFen: 100_000_000,
          startDate: '2026-03-01',
          payday: 15,
          status: p.status,
          apiKeyHash: 'a'.repeat(64),
        }),
      ),
    }));
    await t.app.get(KafkaClient).send(Topics.project, messages);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM enforcement.projects WHERE code LIKE 'GV-%'`)).length ===
        PROJECTS.length,
      { description: 'the project registrations', timeoutMs: 45_000 },
    );
    // Grades in force, as the annual run leaves them.
    for (const [i, p] of PROJECTS.entries())
      if (p.grade)
        await t.dataSource.query(
          `INSERT INTO enforcement.employer_grades (id, credit_code, employer_name, year, grade, kind, criteria,
             findings, unpaid_wages, consecutive_a_years, region_code, assigned_at, assigned_by)
           VALUES ($1, $2, $3, 2025, $4, 'ANNUAL', '{}', '{}', false, 1, $5, '2026-01-10T00:00:00Z', 'test')`,
          [randomUUID(), creditCode(letters[i]), `${p.code} 建设公司`, p.grade, REGION],
        );
    // An open alert on the A-grade project, as the alert topic tells enforcement-service.
    const raised = alertData({ projectCode: 'GV-A-ALERT', regionCode: REGION });
    await publishAlertEvent(t, 'AlertRaised', raised);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM enforcement.alert_record WHERE alert_key = $1`, [
            raised.alertKey,
          ])
        ).length === 1,
      { description: 'the alert record', timeoutMs: 45_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await events?.stop();
    await t?.close();
    await alerts?.close();
  });

  const visit = (overrides: Record<string, unknown> = {}) => ({
    projectCode: 'GV-C',
    at: '2026-10-19T15:00:00+08:00',
    findings: '现场走访：工人反映9月工资未发',
    ...overrides,
  });

  it("lets the grid's assistant record a visit and refuses another grid's assistant (403)", async () => {
    const refused = await t.http.post('/api/v1/visits').set(bearer(otherAssistant())).send(visit());
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(OTHER_GRID);

    const recorded = await t.http.post('/api/v1/visits').set(bearer(assistant())).send(visit());
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      projectCode: 'GV-C',
      gridCode: GRID,
      at: '2026-10-19T07:00:00.000Z',
      recordedBy: 'zhao.assistant',
      photos: [],
    });
    expect(recorded.body.verifies).toBeUndefined();

    const leaderRefused = await t.http.post('/api/v1/visits').set(bearer(leader())).send(visit());
    expect(leaderRefused.status).toBe(403);
  });

  it('refuses a visit in the future or more than 31 days ago, and empty findings, saying what to fix', async () => {
    const future = await t.http
      .post('/api/v1/visits')
      .set(bearer(assistant()))
      .send(visit({ at: '2026-10-20T10:10:00+08:00' }));
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('future');
    const old = await t.http
      .post('/api/v1/visits')
      .set(bearer(assistant()))
      .send(visit({ at: '2026-09-18T10:00:00+08:00' }));
    expect(old.status).toBe(400);
    expect(old.body.message).toContain('31 days');
    const empty = await t.http
      .post('/api/v1/visits')
      .set(bearer(assistant()))
      .send(visit({ findings: ' ' }));
    expect(empty.status).toBe(400);
  });

  it("shows a grid assistant only their grid's visits", async () => {
    const other = await t.http
      .post('/api/v1/visits')
      .set(bearer(otherAssistant()))
      .send(visit({ projectCode: 'GV-OTHER', findings: '殿前街道走访' }));
    expect(other.status).toBe(201);

    const own = await t.http.get('/api/v1/visits').set(bearer(assistant()));
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.items.every((v: { gridCode: string }) => v.gridCode === GRID)).toBe(true);
    const theirs = await t.http.get('/api/v1/visits').set(bearer(otherAssistant()));
    expect(theirs.body.items.map((v: { projectCode: string }) => v.projectCode)).toEqual(['GV-OTHER']);
    const outside = await t.http.get(`/api/v1/visits?gridCode=${GRID}`).set(bearer(otherAssistant()));
    expect(outside.status).toBe(403);

    const all = await t.http.get('/api/v1/visits').set(bearer(inspector()));
    expect(new Set(all.body.items.map((v: { gridCode: string }) => v.gridCode))).toEqual(
      new Set([GRID, OTHER_GRID]),
    );
    const oneGrid = await t.http.get(`/api/v1/visits?gridCode=${OTHER_GRID}`).set(bearer(inspector()));
    expect(oneGrid.body.total).toBe(1);
  });

  it('publishes VerificationRecorded with the alert key for a visit verifying an alert read from alert-service', async () => {
    const data = alertData({ projectCode: 'GV-C', regionCode: REGION });
    await publishAlertEvent(alerts, 'AlertRaised', data);
    const alert = await waitForAlert(alerts, data.alertKey);
    const recorded = await t.http
      .post('/api/v1/visits')
      .set(bearer(inspector()))
      .send(
        visit({
          findings: '核实：9月工资确未发放，工人350206199001011239（13800001234）反映',
          verifies: { alertId: alert.id, result: 'CONFIRMED' },
        }),
      );
    expect(recorded.status).toBe(201);
    // Numbers typed into the findings are kept and published masked only.
    expect(recorded.body.findings).toBe('核实：9月工资确未发放，工人350206********1239（138****1234）反映');
    expect(recorded.body.verifies).toEqual({
      alertId: alert.id,
      alertKey: data.alertKey,
      result: 'CONFIRMED',
    });
    await waitFor(
      () =>
        events.messages.some((m) => {
          const value = m.value ? JSON.parse(m.value) : undefined;
          return (
            value?.type === 'VerificationRecorded' &&
            value.data.alertKey === data.alertKey &&
            value.data.visitId === recorded.body.id &&
            value.data.gridCode === GRID &&
            value.data.regionCode === REGION &&
            value.data.result === 'CONFIRMED' &&
            value.data.recordedBy === 'li.inspector' &&
            value.data.findings === recorded.body.findings
          );
        }),
      { description: 'VerificationRecorded with the alert key', timeoutMs: 45_000 },
    );

    const [row] = await t.dataSource.query(`SELECT findings FROM enforcement.visits WHERE id = $1`, [
      recorded.body.id,
    ]);
    expect(row.findings).not.toContain('350206199001011239');
    expect(row.findings).not.toContain('13800001234');

    // The alert is about GV-C: a visit to another project cannot verify it.
    const elsewhere = await t.http
      .post('/api/v1/visits')
      .set(bearer(inspector()))
      .send(visit({ projectCode: 'GV-B', verifies: { alertId: alert.id, result: 'CONFIRMED' } }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toContain('GV-C');
    const unknown = await t.http
      .post('/api/v1/visits')
      .set(bearer(inspector()))
      .send(visit({ verifies: { alertId: randomUUID(), result: 'CONFIRMED' } }));
    expect(unknown.status).toBe(404);
  });

  it("lists a visit verifying a complaint on the complaint, which shows its project's grid", async () => {
    const submitted = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send({
        kind: 'CLUE',
        complainant: { name: '张三', idNumber: '350206199001011239', phone: '13800001234' },
        employer: { name: 'GV-C 建设公司' },
        projectCode: 'GV-C',
        regionCode: REGION,
        periodFrom: '2026-08',
        periodTo: '2026-09',
        description: '9月工资未发放',
      });
    expect(submitted.status).toBe(201);
    const recorded = await t.http
      .post('/api/v1/visits')
      .set(bearer(assistant()))
      .send(
        visit({
          findings: '核实：班组9月工资未发',
          verifies: { complaintId: submitted.body.id, result: 'CONFIRMED' },
        }),
      );
    expect(recorded.status).toBe(201);
    const complaint = await t.http.get(`/api/v1/complaints/${submitted.body.id}`).set(bearer(inspector()));
    expect(complaint.body.gridCode).toBe(GRID);
    expect(complaint.body.verifications).toEqual([
      {
        event: 'VERIFIED',
        at: '2026-10-19T07:00:00.000Z',
        by: 'zhao.assistant',
        result: 'CONFIRMED',
        findings: '核实：班组9月工资未发',
        visitId: recorded.body.id,
      },
    ]);
    await waitFor(
      () =>
        events.messages.some(
          (m) => m.value?.includes('VerificationRecorded') && m.value.includes(submitted.body.id),
        ),
      { description: 'VerificationRecorded for the complaint', timeoutMs: 45_000 },
    );
  });

  describe('photos', () => {
    let visitId: string;
    const upload = (buffer: Buffer, filename: string, contentType: string, who = assistant()) =>
      t.http
        .post(`/api/v1/visits/${visitId}/photos`)
        .set(bearer(who))
        .attach('photo', buffer, { filename, contentType });

    beforeAll(async () => {
      const recorded = await t.http
        .post('/api/v1/visits')
        .set(bearer(assistant()))
        .send(visit({ findings: '拍照留存' }));
      visitId = recorded.body.id;
    });

    it('accepts a PNG and serves it back byte-identical, with its type, nosniff and its name', async () => {
      const added = await upload(PNG, 'site.png', 'image/png');
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ name: 'site.png', contentType: 'image/png', size: PNG.length });
      const served = await t.http
        .get(`/api/v1/visits/${visitId}/photos/${added.body.id}`)
        .set(bearer(inspector()))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-disposition']).toBe("inline; filename*=UTF-8''site.png");
      const listed = await t.http.get('/api/v1/visits?projectCode=GV-C').set(bearer(assistant()));
      const shown = listed.body.items.find((v: { id: string }) => v.id === visitId);
      expect(shown.photos).toEqual([added.body]);
      const outsider = await t.http
        .get(`/api/v1/visits/${visitId}/photos/${added.body.id}`)
        .set(bearer(otherAssistant()));
      expect(outsider.status).toBe(404);
    });

    it('refuses a text file renamed .png, a photo over 5 MiB (413), and one from anyone but the recorder', async () => {
      const text = await upload(Buffer.from('just some text, not a picture'), 'fake.png', 'image/png');
      expect(text.status).toBe(415);
      expect(text.body.message).toContain('JPEG, PNG or WebP');
      const mislabelled = await upload(PNG, 'site.jpg', 'image/jpeg');
      expect(mislabelled.status).toBe(415);
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 1 - PNG.length)]);
      const tooLarge = await upload(big, 'big.png', 'image/png');
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.message).toContain('5 MiB');
      const notRecorder = await upload(PNG, 'site.png', 'image/png', inspector());
      expect(notRecorder.status).toBe(403);
    });

    it("keeps a name's last part only, and refuses a 7th photo", async () => {
      // Control characters in a name are taken out too (photo-file.spec.ts): a multipart header cannot carry them.
      const named = await upload(PNG, '../../etc/现场照片.png', 'image/png');
      expect(named.status).toBe(201);
      expect(named.body.name).toBe('现场照片.png');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM enforcement.visit_photos WHERE visit_id = $1`,
        [visitId],
      );
      for (let i = count; i < 6; i++) expect((await upload(PNG, `p${i}.png`, 'image/png')).status).toBe(201);
      const seventh = await upload(PNG, 'p7.png', 'image/png');
      expect(seventh.status).toBe(409);
      expect(seventh.body.error).toBe('TOO_MANY_PHOTOS');
    });
  });

  it('plans C-grade employers first, then open alerts, then projects due a patrol by their grade; A-grade exempt', async () => {
    const visited = await t.http
      .post('/api/v1/visits')
      .set(bearer(assistant()))
      .send(visit({ projectCode: 'GV-VISITED' }));
    expect(visited.status).toBe(201);
    const plan = await t.http.get('/api/v1/visit-plans?month=2026-10').set(bearer(assistant()));
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ gridCode: GRID, month: '2026-10' });
    expect(
      plan.body.items.map((i: { projectCode: string; reasons: string[] }) => [i.projectCode, i.reasons]),
    ).toEqual([
      ['GV-C', ['C_GRADE']],
      ['GV-A-ALERT', ['OPEN_ALERTS']],
      ['GV-B', ['PATROL_DUE']],
      ['GV-VISITED', []],
    ]);
    expect(
      plan.body.items.map((i: { patrolIntervalMonths: number | null }) => i.patrolIntervalMonths),
    ).toEqual([
      1,
      null, // A: exempt from routine patrols, planned for its open alert only
      3, // never graded, never visited
      2,
    ]);
    expect(plan.body.items[0]).toMatchObject({ employerGrade: 'C', visitedThisMonth: true });
    expect(plan.body.items[3]).toMatchObject({
      employerGrade: 'B',
      visitedThisMonth: true,
      lastVisitedAt: '2026-10-19T07:00:00.000Z',
    });
    expect(plan.body.exempt).toEqual([{ projectCode: 'GV-A', projectName: 'GV-A 工程', reason: 'A_GRADE' }]);

    const outside = await t.http.get(`/api/v1/visit-plans?gridCode=${GRID}`).set(bearer(otherAssistant()));
    expect(outside.status).toBe(403);
    const byInspector = await t.http
      .get(`/api/v1/visit-plans?gridCode=${OTHER_GRID}`)
      .set(bearer(inspector()));
    expect(byInspector.body.items.map((i: { projectCode: string }) => i.projectCode)).toEqual(['GV-OTHER']);
  });

  it('counts a 街道 covered when a grid assistant visited it that month', async () => {
    const street = await t.http.get(`/api/v1/grids?regionCode=${GRID}&month=2026-10`).set(bearer(leader()));
    expect(street.status).toBe(200);
    expect(street.body).toMatchObject({
      regionCode: GRID,
      month: '2026-10',
      grids: [{ gridCode: GRID, gridName: '湖里街道', projects: 5, assistantsVisiting: 1 }],
      coverage: { count: 1, of: 1, pct: 100 },
    });
    expect(street.body.grids[0].visitsThisMonth).toBeGreaterThanOrEqual(4);

    const district = await t.http.get('/api/v1/grids?month=2026-10').set(bearer(leader()));
    expect(district.body.coverage).toEqual({ count: 2, of: 2, pct: 100 });
    const september = await t.http
      .get(`/api/v1/grids?regionCode=${REGION}&month=2026-09`)
      .set(bearer(inspector()));
    expect(september.body.coverage).toEqual({ count: 0, of: 2, pct: 0 });
    const byAssistant = await t.http.get('/api/v1/grids').set(bearer(assistant()));
    expect(byAssistant.status).toBe(403);
  });

  it("follows a project's move to another grid and its status change into the plans", async () => {
    const moved = eventEnvelope(ProjectGridChanged, 'GV-B', {
      code: 'GV-B',
      regionCode: REGION,
      gridCode: OTHER_GRID,
      previousGridCode: GRID,
    });
    const completed = eventEnvelope(ProjectStatusChanged, 'GV-OTHER', {
      code: 'GV-OTHER',
      status: 'COMPLETED',
      previousStatus: 'IN_CONSTRUCTION',
      effectiveDate: '2026-10-20',
    });
    await t.app.get(KafkaClient).send(Topics.project, [
      { key: 'GV-B', value: JSON.stringify(moved) },
      { key: 'GV-OTHER', value: JSON.stringify(completed) },
    ]);
    await waitFor(
      async () => {
        const plan = await t.http.get(`/api/v1/visit-plans?gridCode=${OTHER_GRID}`).set(bearer(inspector()));
        const codes = plan.body.items.map((i: { projectCode: string }) => i.projectCode);
        return codes.length === 1 && codes[0] === 'GV-B';
      },
      { description: 'GV-B in 殿前街道 and GV-OTHER completed', timeoutMs: 45_000 },
    );
    const own = await t.http.get('/api/v1/visit-plans').set(bearer(assistant()));
    expect(own.body.items.map((i: { projectCode: string }) => i.projectCode)).not.toContain('GV-B');
  });
  it("takes the region's own patrol intervals: A not exempt in 殿前街道, B due after a month without a visit", async () => {
    const added = [
      { code: 'GV-OA', grade: 'A', letter: 'X' },
      { code: 'GV-OB', grade: 'B', letter: 'Y' },
    ];
    await t.app.get(KafkaClient).send(
      Topics.project,
      added.map((p) => ({
        key: p.code,
        value: JSON.stringify(
          eventEnvelope(ProjectRegistered, p.code, {
            code: p.code,
            name: `${p.code} 工程`,
            regionCode: REGION,
            gridCode: OTHER_GRID,
            contractor: { name: `${p.code} 建设公司`, creditCode: creditCode(p.letter) },
            owner: { name: '湖里区住建局' },
            contractAmountFen: 100_000_000,
            startDate: '2026-03-01',
            payday: 15,
            status: 'IN_CONSTRUCTION',
            apiKeyHash: 'a'.repeat(64),
          }),
        ),
      })),
    );
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM enforcement.projects WHERE code IN ('GV-OA', 'GV-OB')`))
          .length === 2,
      { description: 'the registrations in 殿前街道', timeoutMs: 45_000 },
    );
    for (const p of added)
      await t.dataSource.query(
        `INSERT INTO enforcement.employer_grades (id, credit_code, employer_name, year, grade, kind, criteria,
           findings, unpaid_wages, consecutive_a_years, region_code, assigned_at, assigned_by)
         VALUES ($1, $2, $3, 2025, $4, 'ANNUAL', '{}', '{}', false, 1, $5, '2026-01-10T00:00:00Z', 'test')`,
        [randomUUID(), creditCode(p.letter), `${p.code} 建设公司`, p.grade, REGION],
      );
    // The B project was last visited on 25 September.
    const visited = await t.http
      .post('/api/v1/visits')
      .set(bearer(otherAssistant()))
      .send(visit({ projectCode: 'GV-OB', at: '2026-09-25T10:00:00+08:00', findings: '九月走访' }));
    expect(visited.status).toBe(201);

    const plan = async (month: string) => {
      const answer = await t.http
        .get(`/api/v1/visit-plans?gridCode=${OTHER_GRID}&month=${month}`)
        .set(bearer(inspector()));
      expect(answer.status).toBe(200);
      return answer.body as {
        items: { projectCode: string; reasons: string[]; patrolIntervalMonths: number | null }[];
        exempt: unknown[];
      };
    };
    const items = (body: Awaited<ReturnType<typeof plan>>) =>
      body.items.map((i) => [i.projectCode, i.reasons, i.patrolIntervalMonths]);
    // October: visited in September, so B's month is not over; the A project, never visited, is due (2 months).
    const october = await plan('2026-10');
    expect(items(october)).toEqual([
      ['GV-B', ['PATROL_DUE'], 3],
      ['GV-OA', ['PATROL_DUE'], 2],
      ['GV-OB', [], 1],
    ]);
    expect(october.exempt).toEqual([]);
    // November: nobody visited the B project in October — due after 1 month here (2 months nationally).
    const november = await plan('2026-11');
    expect(items(november)).toEqual([
      ['GV-B', ['PATROL_DUE'], 3],
      ['GV-OA', ['PATROL_DUE'], 2],
      ['GV-OB', ['PATROL_DUE'], 1],
    ]);
    // The other grid keeps the national figures: its A project stays exempt.
    const own = await t.http.get('/api/v1/visit-plans?month=2026-11').set(bearer(assistant()));
    expect(own.body.exempt).toEqual([{ projectCode: 'GV-A', projectName: 'GV-A 工程', reason: 'A_GRADE' }]);
  });
});
