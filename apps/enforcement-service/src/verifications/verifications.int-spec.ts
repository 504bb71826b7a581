import { randomUUID } from 'node:crypto';
import {
  alertKey,
  ProjectRegistered,
  Topics,
  VerificationRecorded,
  type AlertCode,
  type Severity,
} from '@wage/contracts';
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
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { EscalateOverdueVerificationsUseCase } from './use-cases/escalate-overdue-verifications/escalate-overdue-verifications.use-case';

const REGION = '350206';
const GRID = '350206001';
const OTHER_GRID = '350206002';
const CREDIT_CODE = '91350206MA31XM5K8N';
type Message = { id: string; type: string; key: string | null; data: Record<string, unknown> };

describe('enforcement-service verification requests (real PostgreSQL, Kafka and Redis)', () => {
  const secrets = testSecrets();
  // Thu 24 Sep 2026, 10:00 in Shanghai: 3 working days later crosses Mid-Autumn (Fri 25 Sep) and a weekend.
  const clock = new TestClock('2026-09-24T10:00:00+08:00');
  let t: TestApp;
  let events: TopicReader;
  const token = (sub: string, role: 'INSPECTOR' | 'LEADER' | 'GRID_ASSISTANT', region = REGION) =>
    staffToken(secrets.JWT_SECRET, { sub, role, region }, 3_600);
  const inspector = () => token('li.inspector', 'INSPECTOR');
  const assistant = (grid = GRID) => token('chen.assistant', 'GRID_ASSISTANT', grid);
  const published = (type: string, key: string) =>
    events.messages
      .map((m) => ({ ...(JSON.parse(m.value!) as Message), key: m.key }))
      .filter((m) => m.type === type && (m.data.alertKey === key || m.data.complaintId === key));

  async function registerProject(code: string, gridCode: string) {
    const registration = eventEnvelope(ProjectRegistered, code, {
      code,
      name: `网格工地 ${code}`,
      regionCode: REGION,
      gridCode,
      contractor: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
      owner: { name: '湖里区住建局' },
      contractAmountFen: 100_000_000,
      startDate: '2026-03-01',
      payday: 15,
      status: 'IN_CONSTRUCTION',
      apiKeyHash: 'a'.repeat(64),
    });
    await t.app.get(KafkaClient).send(Topics.project, [{ key: code, value: JSON.stringify(registration) }]);
  }

  const evidence = {
    workersAffected: 0,
    workers: [],
    amounts: {},
    transactions: [],
    parameters: {},
    facts: {},
  };
  function alertEnvelope(
    type: 'AlertRaised' | 'AlertCleared' | 'AlertDismissed' | 'AlertUpdated',
    projectCode: string,
    code: AlertCode,
    { severity = 'RED', gridCode = GRID }: { severity?: Severity; gridCode?: string | null } = {},
  ) {
    const month = '2026-08';
    const at = clock.now().toISOString();
    const state = {
      alertKey: alertKey(code, projectCode, month),
      code,
      severity,
      projectCode,
      regionCode: REGION,
      ...(gridCode && { gridCode }),
      month,
      title: `${projectCode} ${code}`,
      evidence,
    };
    const data =
      type === 'AlertRaised'
        ? { ...state, detectedAt: at }
        : type === 'AlertUpdated'
          ? { ...state, previousSeverity: 'YELLOW', detectedAt: at }
          : type === 'AlertCleared'
            ? { ...state, raisedAt: at, clearedAt: at, durationSeconds: 0 }
            : {
                alertKey: state.alertKey,
                code,
                projectCode,
                regionCode: REGION,
                month,
                reason: '经核实不属实',
                dismissedAt: at,
              };
    return { id: randomUUID(), type, schemaVersion: 1, occurredAt: at, recordedAt: at, projectCode, data };
  }
  async function publishAlerts(...envelopes: ReturnType<typeof alertEnvelope>[]) {
    await t.app.get(KafkaClient).send(
      Topics.alert,
      envelopes.map((e) => ({ key: e.projectCode, value: JSON.stringify(e) })),
    );
  }
  /** Waits until the alert-record consumer has applied (or skipped) an event. */
  async function processed(eventId: string, consumer = 'enforcement-service.alert-record') {
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM enforcement.processed_events WHERE consumer = $1 AND event_id = $2`,
            [consumer, eventId],
          )
        ).length > 0,
      { description: `event ${eventId} processed by ${consumer}`, timeoutMs: 45_000 },
    );
  }
  const requestsAbout = (key: string) =>
    t.dataSource.query(
      `SELECT id, status, result, visit_id, to_char(due_by, 'YYYY-MM-DD') AS due_by
         FROM enforcement.verifications WHERE alert_key = $1 OR complaint_id::text = $1 ORDER BY requested_at`,
      [key],
    ) as Promise<
      { id: string; status: string; result: string | null; visit_id: string | null; due_by: string }[]
    >;
  async function standingRequest(key: string) {
    return waitFor(
      async () => (await requestsAbout(key)).find((r) => r.status === 'OPEN' || r.status === 'ESCALATED'),
      { description: `a request about ${key}`, timeoutMs: 45_000 },
    );
  }
  function recorded(request: { id?: string; alertKey: string; projectCode: string }, visitId = randomUUID()) {
    return eventEnvelope(VerificationRecorded, GRID, {
      ...(request.id && { verificationId: request.id }),
      subject: 'ALERT',
      alertKey: request.alertKey,
      projectCode: request.projectCode,
      gridCode: GRID,
      regionCode: REGION,
      visitId,
      result: 'CONFIRMED',
      recordedBy: 'chen.assistant',
      visitedAt: clock.now().toISOString(),
      findings: '现场核实：工人反映8月工资未发放，属实',
    });
  }
  async function publishRecorded(envelope: ReturnType<typeof recorded>) {
    await t.app.get(KafkaClient).send(Topics.enforcement, [{ key: GRID, value: JSON.stringify(envelope) }]);
    await processed(envelope.id, 'enforcement-service.verifications');
  }

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ...secrets }, { clock });
    events = await TopicReader.start(t.topic(Topics.enforcement));
    await registerProject('XM-VER-1', GRID);
    await registerProject('XM-VER-2', OTHER_GRID);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM enforcement.projects WHERE code IN ('XM-VER-1', 'XM-VER-2') AND grid_code IS NOT NULL`,
          )
        ).length === 2,
      { description: 'the projects and their grids', timeoutMs: 45_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await t?.close();
  });

  it('opens one request for a RED alert in a grid and publishes VerificationRequested; a YELLOW or gridless one asks nothing', async () => {
    const red = alertEnvelope('AlertRaised', 'XM-VER-1', 'WAGE_ARREARS');
    const yellow = alertEnvelope('AlertRaised', 'XM-VER-1', 'PAY_SHEET_MISSING', { severity: 'YELLOW' });
    const gridless = alertEnvelope('AlertRaised', 'XM-VER-1', 'FUNDS_DIVERTED', {
      severity: 'ORANGE',
      gridCode: null,
    });
    await publishAlerts(red, yellow, gridless);
    const key = red.data.alertKey;
    await standingRequest(key);
    // The same event redelivered: no second request, no second VerificationRequested.
    await publishAlerts(red);
    const marker = alertEnvelope('AlertUpdated', 'XM-VER-1', 'PAY_SHEET_MISSING', { severity: 'YELLOW' });
    await publishAlerts(marker);
    await processed(yellow.id);
    await processed(gridless.id);
    await processed(marker.id);

    const requests = await requestsAbout(key);
    expect(requests).toHaveLength(1);
    // Thu 24 Sep + 3 working days: Fri 25 (中秋) and the weekend off, Mon 28, Tue 29, Wed 30 Sep.
    expect(requests[0]).toMatchObject({ status: 'OPEN', due_by: '2026-09-30' });
    expect(await requestsAbout(yellow.data.alertKey)).toEqual([]);
    expect(await requestsAbout(gridless.data.alertKey)).toEqual([]);

    const asked = await events.waitFor((m) => m.some((x) => x.value?.includes(requests[0].id)), {
      description: 'VerificationRequested published',
      timeoutMs: 45_000,
    });
    expect(asked).toBeDefined();
    const requested = published('VerificationRequested', key);
    expect(requested).toHaveLength(1);
    expect(requested[0].key).toBe(GRID);
    expect(requested[0].data).toEqual({
      verificationId: requests[0].id,
      subject: 'ALERT',
      alertKey: key,
      code: 'WAGE_ARREARS',
      severity: 'RED',
      projectCode: 'XM-VER-1',
      gridCode: GRID,
      regionCode: REGION,
      requestedAt: clock.now().toISOString(),
      dueBy: '2026-09-30',
    });
    expect(published('VerificationRequested', yellow.data.alertKey)).toEqual([]);

    // A visit verifies it: VerificationRecorded (read back from the enforcement topic) marks it DONE.
    const visitId = randomUUID();
    await publishRecorded(recorded({ id: requests[0].id, alertKey: key, projectCode: 'XM-VER-1' }, visitId));
    expect(await requestsAbout(key)).toEqual([
      expect.objectContaining({ id: requests[0].id, status: 'DONE', result: 'CONFIRMED', visit_id: visitId }),
    ]);
    const shown = await t.http
      .get(`/api/v1/verifications?gridCode=${GRID}&status=DONE`)
      .set(bearer(inspector()));
    expect(shown.status).toBe(200);
    expect(shown.body.items).toContainEqual(
      expect.objectContaining({
        id: requests[0].id,
        status: 'DONE',
        result: 'CONFIRMED',
        visitId,
        alertKey: key,
      }),
    );
  }, 120_000);

  it('withdraws the request of an alert cleared, or dismissed, before it was verified', async () => {
    const raised = alertEnvelope('AlertRaised', 'XM-VER-1', 'DEPOSIT_SHORTFALL', { severity: 'ORANGE' });
    await publishAlerts(raised);
    const request = await standingRequest(raised.data.alertKey);
    const cleared = alertEnvelope('AlertCleared', 'XM-VER-1', 'DEPOSIT_SHORTFALL', { severity: 'ORANGE' });
    await publishAlerts(cleared);
    await processed(cleared.id);
    expect(await requestsAbout(raised.data.alertKey)).toEqual([
      expect.objectContaining({ id: request.id, status: 'WITHDRAWN' }),
    ]);

    // Raised again after the clearing: a new request; dismissed (驳回): withdrawn too.
    const again = alertEnvelope('AlertRaised', 'XM-VER-1', 'DEPOSIT_SHORTFALL', { severity: 'RED' });
    await publishAlerts(again);
    const second = await standingRequest(raised.data.alertKey);
    expect(second.id).not.toBe(request.id);
    const dismissed = alertEnvelope('AlertDismissed', 'XM-VER-1', 'DEPOSIT_SHORTFALL');
    await publishAlerts(dismissed);
    await processed(dismissed.id);
    expect((await requestsAbout(raised.data.alertKey)).map((r) => r.status)).toEqual([
      'WITHDRAWN',
      'WITHDRAWN',
    ]);
    // The alert record followed the same events in the same transactions.
    const [record] = await t.dataSource.query(
      `SELECT open, times_raised, dismissal FROM enforcement.alert_record WHERE alert_key = $1`,
      [raised.data.alertKey],
    );
    expect(record).toEqual({ open: false, times_raised: 2, dismissal: '经核实不属实' });
  }, 120_000);

  it('keeps the alert record exact when a raise, an update and an end of one alert arrive together', async () => {
    const code: AlertCode = 'NO_WAGE_ACCOUNT';
    const sequence = [
      alertEnvelope('AlertRaised', 'XM-VER-2', code, { severity: 'YELLOW', gridCode: OTHER_GRID }),
      alertEnvelope('AlertUpdated', 'XM-VER-2', code, { severity: 'ORANGE', gridCode: OTHER_GRID }),
      alertEnvelope('AlertCleared', 'XM-VER-2', code, { severity: 'ORANGE', gridCode: OTHER_GRID }),
      alertEnvelope('AlertRaised', 'XM-VER-2', code, { severity: 'RED', gridCode: OTHER_GRID }),
      alertEnvelope('AlertDismissed', 'XM-VER-2', code, { gridCode: OTHER_GRID }),
      alertEnvelope('AlertRaised', 'XM-VER-2', code, { severity: 'RED', gridCode: OTHER_GRID }),
    ];
    await publishAlerts(...sequence);
    for (const e of sequence) await processed(e.id);
    const key = sequence[0].data.alertKey;
    const [record] = await t.dataSource.query(
      `SELECT severity, open, times_raised, dismissed_at, dismissal FROM enforcement.alert_record WHERE alert_key = $1`,
      [key],
    );
    expect(record).toEqual({
      severity: 'RED',
      open: true,
      times_raised: 3,
      dismissed_at: null,
      dismissal: null,
    });
    // The last raise stands: exactly one request is open for it.
    const standing = (await requestsAbout(key)).filter((r) => r.status === 'OPEN');
    expect(standing).toHaveLength(1);
  }, 120_000);

  it('escalates an unverified RED alert past its 3 working days once, as VerificationOverdue; a visit can still do it', async () => {
    const raised = alertEnvelope('AlertRaised', 'XM-VER-1', 'LABOR_COST_NOT_APPROPRIATED');
    await publishAlerts(raised);
    const key = raised.data.alertKey;
    const request = await standingRequest(key);
    expect(request.due_by).toBe('2026-09-30');
    const escalate = t.app.get(EscalateOverdueVerificationsUseCase);
    const before = clock.now();
    try {
      // On its last day it is not yet overdue.
      clock.set('2026-09-30T20:00:00+08:00');
      await escalate.execute(clock.now());
      expect((await requestsAbout(key))[0].status).toBe('OPEN');

      // Thu 8 Oct: 1–7 Oct are the National Day holidays, so it is 1 working day overdue.
      clock.set('2026-10-08T10:00:00+08:00');
      await escalate.execute(clock.now());
      await escalate.execute(clock.now());
      await events.waitFor(
        (m) => m.some((x) => x.value?.includes('VerificationOverdue') && x.value.includes(key)),
        {
          description: 'VerificationOverdue published',
          timeoutMs: 45_000,
        },
      );
      const overdue = published('VerificationOverdue', key);
      expect(overdue).toHaveLength(1);
      expect(overdue[0].data).toMatchObject({
        verificationId: request.id,
        subject: 'ALERT',
        alertKey: key,
        gridCode: GRID,
        regionCode: REGION,
        dueBy: '2026-09-30',
        workingDaysOverdue: 1,
      });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM enforcement.outbox_events WHERE type = 'VerificationOverdue' AND payload::text LIKE $1`,
        [`%${request.id}%`],
      );
      expect(n).toBe(1);

      const shown = await t.http.get('/api/v1/verifications?status=ESCALATED').set(bearer(inspector()));
      expect(shown.status).toBe(200);
      expect(shown.body.items).toContainEqual(
        expect.objectContaining({
          id: request.id,
          status: 'ESCALATED',
          dueBy: '2026-09-30',
          escalatedAt: new Date('2026-10-08T10:00:00+08:00').toISOString(),
        }),
      );

      // Verified late (by alert key, nobody quoting the request): DONE, and no further escalation.
      await publishRecorded(recorded({ alertKey: key, projectCode: 'XM-VER-1' }));
      expect((await requestsAbout(key))[0]).toMatchObject({ status: 'DONE', result: 'CONFIRMED' });
      clock.set('2026-10-12T10:00:00+08:00');
      await escalate.execute(clock.now());
      const [{ m }] = await t.dataSource.query(
        `SELECT count(*)::int AS m FROM enforcement.outbox_events WHERE type = 'VerificationOverdue' AND payload::text LIKE $1`,
        [`%${request.id}%`],
      );
      expect(m).toBe(1);
    } finally {
      clock.set(before);
    }
  }, 120_000);

  it('asks the grid to verify an accepted complaint about a project in it', async () => {
    const submitted = await t.http
      .post('/api/v1/complaints')
      .set(bearer(inspector()))
      .send({
        kind: 'CLUE',
        complainant: { name: '张三', idNumber: '350206199001011239', phone: '13800001234' },
        employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
        projectCode: 'XM-VER-2',
        regionCode: REGION,
        periodFrom: '2026-07',
        periodTo: '2026-08',
        amountOwed: '24000.00',
        workersAffected: 3,
        description: '7月、8月工资未发放',
      });
    expect(submitted.status).toBe(201);
    const accepted = await t.http
      .post(`/api/v1/complaints/${submitted.body.id}/accept`)
      .set(bearer(inspector()))
      .send({});
    expect(accepted.status).toBe(200);
    const [request] = await requestsAbout(submitted.body.id);
    expect(request).toMatchObject({ status: 'OPEN', due_by: '2026-09-30' });
    await events.waitFor((m) => m.some((x) => x.value?.includes(request.id)), {
      description: 'VerificationRequested for the complaint',
      timeoutMs: 45_000,
    });
    const requested = published('VerificationRequested', submitted.body.id);
    expect(requested).toHaveLength(1);
    expect(requested[0].data).toMatchObject({
      subject: 'COMPLAINT',
      complaintId: submitted.body.id,
      projectCode: 'XM-VER-2',
      gridCode: OTHER_GRID,
      regionCode: REGION,
    });
    // Nothing about the complainant travels.
    expect(JSON.stringify(requested[0])).not.toContain('350206199001011239');
    expect(JSON.stringify(requested[0])).not.toContain('13800001234');
    expect(JSON.stringify(requested[0])).not.toContain('张三');
  }, 120_000);

  it("shows a grid assistant only their grid's requests, and refuses them another grid", async () => {
    const other = alertEnvelope('AlertRaised', 'XM-VER-2', 'WAGE_ARREARS', { gridCode: OTHER_GRID });
    const mine = alertEnvelope('AlertRaised', 'XM-VER-1', 'NO_WAGE_ACCOUNT');
    await publishAlerts(other, mine);
    await standingRequest(other.data.alertKey);
    await standingRequest(mine.data.alertKey);

    const seen = await t.http.get('/api/v1/verifications?pageSize=200').set(bearer(assistant()));
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBe(seen.body.items.length);
    expect(seen.body.items.length).toBeGreaterThan(0);
    expect(seen.body.items.every((v: { gridCode: string }) => v.gridCode === GRID)).toBe(true);
    expect(seen.body.items.map((v: { alertKey?: string }) => v.alertKey)).toContain(mine.data.alertKey);
    expect(seen.body.items.map((v: { alertKey?: string }) => v.alertKey)).not.toContain(other.data.alertKey);

    const refused = await t.http.get(`/api/v1/verifications?gridCode=${OTHER_GRID}`).set(bearer(assistant()));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(OTHER_GRID);

    // The district's inspector sees both grids, one at a time or together.
    const district = await t.http.get('/api/v1/verifications?pageSize=200').set(bearer(inspector()));
    const grids = new Set(district.body.items.map((v: { gridCode: string }) => v.gridCode));
    expect(grids).toEqual(new Set([GRID, OTHER_GRID]));
    const far = await t.http
      .get('/api/v1/verifications')
      .set(bearer(token('far.inspector', 'INSPECTOR', '350203')));
    expect(far.body).toMatchObject({ items: [], total: 0 });
  }, 120_000);

  it('rejects a query it cannot read with 400 and what to fix', async () => {
    const badGrid = await t.http.get('/api/v1/verifications?gridCode=35020').set(bearer(inspector()));
    expect(badGrid.status).toBe(400);
    expect(JSON.stringify(badGrid.body)).toContain('gridCode');
    const badStatus = await t.http.get('/api/v1/verifications?status=LATE').set(bearer(inspector()));
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body)).toContain('status');
  });
});
