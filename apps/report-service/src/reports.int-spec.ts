import { randomUUID } from 'node:crypto';
import {
  alertEvents,
  alertKey,
  assessmentEvents,
  Topics,
  type AlertCode,
  type Severity,
} from '@wage/contracts';
import { monthOf, paymentMetricsPendingUntil } from '@wage/domain';
import { KafkaClient } from '@wage/platform';
import { bearer, eventEnvelope, staffToken, startTestApp, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from './app.module';
import { envSchema, serviceDefinition } from './config/env';

const MONTH = '2026-03';
const EVALUATED_AT = '2026-04-20T02:00:00.000Z';

/** A contract-valid envelope, checked against its schema before it is sent. */
function envelope(type: string, projectCode: string, data: unknown, id: string = randomUUID()): string {
  const contract = [...assessmentEvents, ...alertEvents].find((c) => c.type === type);
  if (!contract) throw new Error(`no contract for the event ${type}`);
  return JSON.stringify(eventEnvelope(contract, projectCode, data as never, { id }));
}

interface Standing {
  realName?: boolean;
  wageAccount?: boolean;
  deposit?: boolean;
  bankPayroll?: boolean;
  monthlyFullPayment?: boolean;
  workersDue?: number;
  inConstruction?: boolean;
}

function assessment(
  projectCode: string,
  regionCode: string,
  month: string,
  s: Standing = {},
  at = EVALUATED_AT,
) {
  const inConstruction = s.inConstruction ?? true;
  const workersDue = inConstruction ? (s.workersDue ?? 10) : 0;
  const pays = inConstruction && workersDue > 0;
  return {
    projectCode,
    regionCode,
    month,
    status: inConstruction ? 'IN_CONSTRUCTION' : 'SUSPENDED',
    inConstruction,
    coverage: {
      realName: inConstruction ? (s.realName ?? true) : null,
      wageAccount: inConstruction ? (s.wageAccount ?? true) : null,
      deposit: inConstruction ? (s.deposit ?? true) : null,
      bankPayroll: pays ? (s.bankPayroll ?? true) : null,
      monthlyFullPayment: pays ? (s.monthlyFullPayment ?? true) : null,
    },
    workersDue,
    workersPaidInFull: pays && (s.monthlyFullPayment ?? true) ? workersDue : 0,
    amountDueFen: workersDue * 450_000,
    amountPaidFen: workersDue * 450_000,
    evaluatedAt: at,
  };
}

function alertState(
  code: AlertCode,
  project: string,
  region: string,
  month: string | null,
  severity: Severity,
) {
  return {
    alertKey: alertKey(code, project, month),
    code,
    severity,
    projectCode: project,
    regionCode: region,
    month,
    title: `${code} ${project}`,
  };
}

function evidence(workersAffected: number, amounts: Record<string, number>) {
  return { workersAffected, workers: [], amounts, transactions: [], parameters: {}, facts: {} };
}

const code = (n: number) => `P${String(n).padStart(3, '0')}`;

/**
 * The known data set, month 2026-03, city 350200: P001–P100 in district 350206, P101–P113 in 350203, all in
 * construction; P114 (350206) suspended all month and so counted nowhere.
 *   realName false: P001–P004, P101–P103                → 106 of 113 = 93.8
 *   deposit false: P005                                 → 112 of 113 = 99.1
 *   no worker due: P111–P113 (payment metrics n/a)      → payment metrics over 110
 *   bankPayroll false: P006                             → 109 of 110 = 99.1
 *   monthlyFullPayment false: P006, P007                → 108 of 110 = 98.2
 *   allSystems: over all 113 in construction, all but P001–P007 and P101–P103 (P111–P113 lack no safeguard
 *   that applies) → 103 of 113 = 91.2
 */
function knownDataSet(): string[] {
  const values: string[] = [];
  for (let n = 1; n <= 114; n += 1) {
    const region = n <= 100 || n === 114 ? '350206' : '350203';
    const standing: Standing = {
      realName: !((n >= 1 && n <= 4) || (n >= 101 && n <= 103)),
      deposit: n !== 5,
      workersDue: n >= 111 && n <= 113 ? 0 : 10,
      bankPayroll: n !== 6,
      monthlyFullPayment: n !== 6 && n !== 7,
      inConstruction: n !== 114,
    };
    values.push(
      envelope('MonthlyAssessmentCompleted', code(n), assessment(code(n), region, MONTH, standing)),
    );
  }
  return values;
}

describe('report-service: coverage and arrears from events (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let kafka: KafkaClient;
  const tokens: Record<string, string> = {};
  const token = (region: string) =>
    (tokens[region] ??= staffToken(
      t.env.JWT_SECRET,
      { sub: `leader-${region}`, role: 'LEADER', region },
      3_600,
    ));
  const get = (path: string, region: string) => t.http.get(path).set(bearer(token(region)));
  const send = (topic: string, values: string[]) =>
    kafka.send(
      topic,
      values.map((value) => ({ key: (JSON.parse(value) as { projectCode: string }).projectCode, value })),
    );

  let dataSet: string[];

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule });
    kafka = t.app.get(KafkaClient);
    dataSet = knownDataSet();
    await send(Topics.assessment, dataSet);
    await send(Topics.assessment, [
      envelope('MonthlyAssessmentCompleted', 'P001', assessment('P001', '350206', '2026-02')),
      envelope(
        'MonthlyAssessmentCompleted',
        'P002',
        assessment('P002', '350206', '2026-02', { realName: false }),
      ),
    ]);
    await waitFor(
      async () => {
        const res = await get(`/api/v1/coverage?regionCode=350200&month=${MONTH}`, '350200');
        return res.body.projectsInConstruction === 113 && res.body.metrics.realName.of === 113;
      },
      { description: 'the known data set consumed', timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers the known data set: each metric as count of its denominator and a one-decimal percentage', async () => {
    const res = await get(`/api/v1/coverage?regionCode=350200&month=${MONTH}`, '350200').expect(200);
    expect(res.body).toMatchObject({
      regionCode: '350200',
      regionName: '厦门市',
      month: MONTH,
      projectsInConstruction: 113,
      metrics: {
        realName: { count: 106, of: 113, pct: 93.8 },
        wageAccount: { count: 113, of: 113, pct: 100 },
        deposit: { count: 112, of: 113, pct: 99.1 },
        bankPayroll: { count: 109, of: 110, pct: 99.1 },
        monthlyFullPayment: { count: 108, of: 110, pct: 98.2 },
        allSystems: { count: 103, of: 113, pct: 91.2 },
      },
    });
    // Children roll up from the districts: 350203 has P101–P113, 350206 has P001–P100.
    expect(res.body.children.map((c: { regionCode: string }) => c.regionCode)).toEqual(['350203', '350206']);
    expect(res.body.children.map((c: { regionName: string }) => c.regionName)).toEqual(['思明区', '湖里区']);
    expect(res.body.children[0]).toMatchObject({
      projectsInConstruction: 13,
      metrics: {
        realName: { count: 10, of: 13, pct: 76.9 },
        bankPayroll: { count: 10, of: 10, pct: 100 },
        allSystems: { count: 10, of: 13, pct: 76.9 },
      },
    });
    expect(res.body.children[1]).toMatchObject({
      projectsInConstruction: 100,
      metrics: { realName: { count: 96, of: 100, pct: 96 }, allSystems: { count: 93, of: 100, pct: 93 } },
    });
  });

  it('rolls districts up to the province and answers a district without children', async () => {
    const province = await get(`/api/v1/coverage?regionCode=350000&month=${MONTH}`, '350000').expect(200);
    expect(province.body.metrics.realName).toEqual({ count: 106, of: 113, pct: 93.8 });
    expect(province.body.children).toEqual([
      expect.objectContaining({ regionCode: '350200', projectsInConstruction: 113 }),
    ]);
    // regionCode defaults to the caller's own region.
    const district = await get(`/api/v1/coverage?month=${MONTH}`, '350203').expect(200);
    expect(district.body).toMatchObject({ regionCode: '350203', projectsInConstruction: 13, children: [] });
  });

  it('counts redelivered events once and lets only a newer assessment replace an older one', async () => {
    await send(Topics.assessment, dataSet); // every event again, same ids
    const later = '2026-04-25T02:00:00.000Z';
    const stale = '2026-04-01T02:00:00.000Z';
    await send(Topics.assessment, [
      // Late data: P001 now has its attendance, so real-name management counts.
      envelope('MonthlyAssessmentCompleted', 'P001', assessment('P001', '350206', MONTH, {}, later)),
      // An older assessment arriving afterwards changes nothing.
      envelope(
        'MonthlyAssessmentCompleted',
        'P001',
        assessment('P001', '350206', MONTH, { realName: false, deposit: false }, stale),
      ),
      // A marker that everything before it in P999's partition order has been read.
      envelope('MonthlyAssessmentCompleted', 'P999', assessment('P999', '350206', '2026-01')),
    ]);
    await waitFor(
      async () =>
        (await get('/api/v1/coverage?regionCode=350200&month=2026-01', '350200')).body
          .projectsInConstruction === 1,
      { description: 'the marker consumed' },
    );
    const res = await waitFor(
      async () => {
        const r = await get(`/api/v1/coverage?regionCode=350200&month=${MONTH}`, '350200');
        return r.body.metrics.realName.count === 107 ? r : undefined;
      },
      { description: "P001's later assessment applied" },
    );
    expect(res.body.projectsInConstruction).toBe(113);
    expect(res.body.metrics.realName).toEqual({ count: 107, of: 113, pct: 94.7 });
    expect(res.body.metrics.deposit).toEqual({ count: 112, of: 113, pct: 99.1 });
    expect(res.body.metrics.allSystems).toEqual({ count: 104, of: 113, pct: 92 });
  });

  it('fails allSystems for projects without a roll or an account rather than leaving them out', async () => {
    // 2026-05 in 350211: Q001–Q106 have every safeguard; Q107–Q113 have no roll, no account and so no worker
    // due wages (the payment metrics do not apply to them). allSystems: 106 of 113 = 93.8, not 106 of 106.
    const month = '2026-05';
    const values = Array.from({ length: 113 }, (_, i) => {
      const project = `Q${String(i + 1).padStart(3, '0')}`;
      const bare = i + 1 > 106;
      const standing: Standing = bare ? { realName: false, wageAccount: false, workersDue: 0 } : {};
      return envelope('MonthlyAssessmentCompleted', project, assessment(project, '350211', month, standing));
    });
    await send(Topics.assessment, values);
    const res = await waitFor(
      async () => {
        const r = await get(`/api/v1/coverage?regionCode=350211&month=${month}`, '350211');
        return r.body.projectsInConstruction === 113 ? r : undefined;
      },
      { description: 'the 113 assessments of 350211 consumed' },
    );
    expect(res.body.metrics).toEqual({
      realName: { count: 106, of: 113, pct: 93.8 },
      wageAccount: { count: 106, of: 113, pct: 93.8 },
      deposit: { count: 113, of: 113, pct: 100 },
      bankPayroll: { count: 106, of: 106, pct: 100 },
      monthlyFullPayment: { count: 106, of: 106, pct: 100 },
      allSystems: { count: 106, of: 113, pct: 93.8 },
    });
  });

  it('answers the payment metrics of a month not yet due as pending, with the date they fall due', async () => {
    // The month being worked now: its wages fall due next month, so no project can have failed to pay them.
    const month = monthOf(new Date());
    await send(Topics.assessment, [
      envelope(
        'MonthlyAssessmentCompleted',
        'R001',
        assessment('R001', '350212', month, { bankPayroll: false, monthlyFullPayment: false }),
      ),
      envelope(
        'MonthlyAssessmentCompleted',
        'R002',
        assessment('R002', '350212', month, { realName: false }),
      ),
    ]);
    const res = await waitFor(
      async () => {
        const r = await get(`/api/v1/coverage?regionCode=350200&month=${month}`, '350200');
        return r.body.projectsInConstruction === 2 ? r : undefined;
      },
      { description: "this month's assessments consumed" },
    );
    const pendingUntil = paymentMetricsPendingUntil(month);
    expect(res.body.metrics).toEqual({
      realName: { count: 1, of: 2, pct: 50 },
      wageAccount: { count: 2, of: 2, pct: 100 },
      deposit: { count: 2, of: 2, pct: 100 },
      bankPayroll: { count: 1, of: 2, pct: null, pendingUntil },
      monthlyFullPayment: { count: 1, of: 2, pct: null, pendingUntil },
      allSystems: { count: 0, of: 2, pct: null, pendingUntil },
    });
    expect(res.body.children).toEqual([
      expect.objectContaining({
        regionCode: '350212',
        metrics: expect.objectContaining({ bankPayroll: { count: 1, of: 2, pct: null, pendingUntil } }),
      }),
    ]);
    // The trend says the same of that month; a month long due has its percentages.
    const trend = await get(
      `/api/v1/coverage/trend?regionCode=350212&from=${month}&to=${month}`,
      '350200',
    ).expect(200);
    expect(trend.body.series[0].metrics.monthlyFullPayment).toEqual({
      count: 1,
      of: 2,
      pct: null,
      pendingUntil,
    });
    const due = await get(`/api/v1/coverage?regionCode=350200&month=${MONTH}`, '350200').expect(200);
    expect(due.body.metrics.bankPayroll).toEqual({ count: 109, of: 110, pct: 99.1 });
    // Without a month: the latest month whose wages are due, never the one being worked.
    const latest = await get('/api/v1/coverage?regionCode=350200', '350200').expect(200);
    expect(latest.body.month < month).toBe(true);
    expect(latest.body.metrics.bankPayroll.pendingUntil).toBeUndefined();
  });

  it('answers a monthly trend with every month of the range, empty months included', async () => {
    const res = await get(
      '/api/v1/coverage/trend?regionCode=350206&from=2025-12&to=2026-03',
      '350200',
    ).expect(200);
    expect(res.body.series.map((m: { month: string }) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(res.body.series[0]).toMatchObject({
      projectsInConstruction: 0,
      metrics: { realName: { count: 0, of: 0, pct: null } },
    });
    expect(res.body.series[2]).toMatchObject({
      projectsInConstruction: 2,
      metrics: { realName: { count: 1, of: 2, pct: 50 } },
    });
    expect(res.body.series[3].projectsInConstruction).toBe(100);
  });

  it('refuses a user of another region and a malformed query', async () => {
    const other = await get(`/api/v1/coverage?regionCode=350200&month=${MONTH}`, '350100').expect(403);
    expect(other.body).toEqual({
      error: 'FORBIDDEN',
      message: expect.stringContaining('does not cover region 350200'),
      details: [],
    });
    await get(`/api/v1/arrears?regionCode=350206`, '350203').expect(403);
    await get(`/api/v1/coverage/trend?regionCode=350000`, '350206').expect(403);
    const bad = await get('/api/v1/coverage?regionCode=35&month=2026-13', '350200').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['month', 'regionCode']);
    await t.http.get('/api/v1/coverage').expect(401);
    // The administrator sees any region; by default the whole country.
    const admin = await t.http
      .get(`/api/v1/coverage?month=${MONTH}`)
      .set('Authorization', `Bearer ${t.env.ADMIN_API_KEY}`)
      .expect(200);
    expect(admin.body).toMatchObject({ regionCode: '000000', projectsInConstruction: 113 });
    expect(admin.body.children).toEqual([expect.objectContaining({ regionCode: '350000' })]);
  });

  it('answers arrears: open alerts by code and severity, workers affected, wages outstanding', async () => {
    const raised = (
      c: AlertCode,
      p: string,
      r: string,
      m: string | null,
      s: Severity,
      w: number,
      a: object,
    ) =>
      envelope('AlertRaised', p, {
        ...alertState(c, p, r, m, s),
        evidence: evidence(w, a as Record<string, number>),
        detectedAt: EVALUATED_AT,
      });
    const arrearsRaised = raised('WAGE_ARREARS', 'P001', '350206', MONTH, 'RED', 5, {
      netPayDueFen: 2_250_000,
    });
    await send(Topics.alert, [
      arrearsRaised,
      raised('WAGE_UNDERPAID', 'P002', '350206', MONTH, 'YELLOW', 2, {
        sheetNetPayFen: 900_000,
        shortfallFen: 30_000,
      }),
      envelope('AlertUpdated', 'P002', {
        ...alertState('WAGE_UNDERPAID', 'P002', '350206', MONTH, 'ORANGE'),
        evidence: evidence(3, { sheetNetPayFen: 900_000, shortfallFen: 45_050 }),
        previousSeverity: 'YELLOW',
        detectedAt: EVALUATED_AT,
      }),
      raised('DEPOSIT_SHORTFALL', 'P101', '350203', null, 'ORANGE', 0, { shortfallFen: 2_000_000 }),
      // A reporting gap: 40 workers without a pay sheet are no wages known to be unpaid.
      raised('PAY_SHEET_MISSING', 'P004', '350206', MONTH, 'YELLOW', 40, {}),
      raised('FUNDS_DIVERTED', 'P003', '350206', MONTH, 'RED', 0, { divertedFen: 6_000_000 }),
      envelope('AlertCleared', 'P003', {
        ...alertState('FUNDS_DIVERTED', 'P003', '350206', MONTH, 'RED'),
        evidence: evidence(0, { divertedFen: 6_000_000 }),
        raisedAt: EVALUATED_AT,
        clearedAt: '2026-04-21T02:00:00.000Z',
        durationSeconds: 86_400,
      }),
      envelope('AlertSuppressed', 'P114', {
        ...alertState('REAL_NAME_GAP', 'P114', '350206', MONTH, 'YELLOW'),
        evidence: evidence(0, {}),
        projectStatus: 'SUSPENDED',
        detectedAt: EVALUATED_AT,
      }),
      arrearsRaised, // redelivered
    ]);
    const month = await waitFor(
      async () => {
        const r = await get(`/api/v1/arrears?regionCode=350200&month=${MONTH}`, '350200');
        return r.body.openAlerts === 3 && r.body.workersAffected === 48 ? r : undefined;
      },
      { description: 'the alert events consumed' },
    );
    expect(month.body).toEqual({
      regionCode: '350200',
      month: MONTH,
      openAlerts: 3,
      workersAffected: 48,
      amountOutstanding: '22950.50',
      amountOutstandingFen: 2_295_050,
      unpaidWages: {
        openAlerts: 2,
        workersAffected: 8,
        amountOutstanding: '22950.50',
        amountOutstandingFen: 2_295_050,
      },
      otherAlerts: 1,
      byCodeAndSeverity: [
        {
          code: 'WAGE_ARREARS',
          severity: 'RED',
          openAlerts: 1,
          workersAffected: 5,
          amountOutstanding: '22500.00',
          amountOutstandingFen: 2_250_000,
        },
        {
          code: 'WAGE_UNDERPAID',
          severity: 'ORANGE',
          openAlerts: 1,
          workersAffected: 3,
          amountOutstanding: '450.50',
          amountOutstandingFen: 45_050,
        },
        {
          code: 'PAY_SHEET_MISSING',
          severity: 'YELLOW',
          openAlerts: 1,
          workersAffected: 40,
          amountOutstanding: '0.00',
          amountOutstandingFen: 0,
        },
      ],
      children: [
        {
          regionCode: '350206',
          openAlerts: 3,
          workersAffected: 48,
          amountOutstanding: '22950.50',
          amountOutstandingFen: 2_295_050,
          unpaidWages: {
            openAlerts: 2,
            workersAffected: 8,
            amountOutstanding: '22950.50',
            amountOutstandingFen: 2_295_050,
          },
          otherAlerts: 1,
        },
      ],
    });
    // Without a month: every open alert, the month-less deposit shortfall included.
    const all = await get('/api/v1/arrears', '350200').expect(200);
    expect(all.body).toMatchObject({ regionCode: '350200', month: null, openAlerts: 4, otherAlerts: 2 });
    expect(
      all.body.children.map((c: { regionCode: string; openAlerts: number }) => [c.regionCode, c.openAlerts]),
    ).toEqual([
      ['350203', 1],
      ['350206', 3],
    ]);
    const district = await get('/api/v1/arrears?regionCode=350203', '350203').expect(200);
    expect(district.body.byCodeAndSeverity).toEqual([
      expect.objectContaining({
        code: 'DEPOSIT_SHORTFALL',
        severity: 'ORANGE',
        openAlerts: 1,
        amountOutstandingFen: 0,
      }),
    ]);
  });

  it('answers coverage and arrears for a grid: a 街道 counts its own projects and its 社区, and rolls up to its district', async () => {
    // Beijing 东城区 (110101), away from the known data set: G1 in 东华门街道 (110101001), G2 in its 多福巷社区
    // (110101001001) without a roll, G3 in 景山街道 (110101002), G4 in the district, placed in no grid.
    const inGrid = (project: string, grid: string | undefined, s: Standing = {}, at = EVALUATED_AT) =>
      envelope('MonthlyAssessmentCompleted', project, {
        ...assessment(project, '110101', MONTH, s, at),
        ...(grid === undefined ? {} : { gridCode: grid }),
      });
    await send(Topics.assessment, [
      inGrid('G1', '110101001'),
      inGrid('G2', '110101001001', { realName: false }),
      inGrid('G3', '110101002'),
      inGrid('G4', undefined),
    ]);
    const street = await waitFor(
      async () => {
        const r = await get(`/api/v1/coverage?regionCode=110101001&month=${MONTH}`, '110101001');
        return r.status === 200 && r.body.projectsInConstruction === 2 ? r : undefined;
      },
      { description: 'the grid assessments consumed' },
    );
    // 东华门街道: G1 and G2 (its 社区); realName 1 of 2 = 50.
    expect(street.body).toMatchObject({
      regionCode: '110101001',
      regionName: '东华门街道',
      projectsInConstruction: 2,
      metrics: { realName: { count: 1, of: 2, pct: 50 }, wageAccount: { count: 2, of: 2, pct: 100 } },
      children: [],
    });
    const community = await get(
      `/api/v1/coverage?regionCode=110101001001&month=${MONTH}`,
      '110101001',
    ).expect(200);
    expect(community.body).toMatchObject({ regionName: '多福巷社区居委会', projectsInConstruction: 1 });
    // The district counts its grids and the project placed in none: 4, realName 3 of 4 = 75.
    const district = await get(`/api/v1/coverage?regionCode=110101&month=${MONTH}`, '110101').expect(200);
    expect(district.body).toMatchObject({ projectsInConstruction: 4, metrics: { realName: { pct: 75 } } });
    // The city's children stay districts: the grids roll up into 110101.
    const city = await get(`/api/v1/coverage?regionCode=110100&month=${MONTH}`, '110000').expect(200);
    expect(city.body.children).toEqual([
      expect.objectContaining({ regionCode: '110101', projectsInConstruction: 4 }),
    ]);

    // G3 moves to 东华门街道: 景山街道 is left with none, 东华门街道 has 3.
    await send(Topics.assessment, [inGrid('G3', '110101001', {}, '2026-04-21T02:00:00.000Z')]);
    await waitFor(
      async () =>
        (await get(`/api/v1/coverage?regionCode=110101001&month=${MONTH}`, '110101001')).body
          .projectsInConstruction === 3,
      { description: 'the moved project consumed' },
    );
    const left = await get(`/api/v1/coverage?regionCode=110101002&month=${MONTH}`, '110101').expect(200);
    expect(left.body).toMatchObject({ regionName: '景山街道', projectsInConstruction: 0 });

    // Arrears answer for the grid an alert's project is in.
    await send(Topics.alert, [
      envelope('AlertRaised', 'G2', {
        ...alertState('WAGE_ARREARS', 'G2', '110101', MONTH, 'RED'),
        gridCode: '110101001001',
        evidence: evidence(4, { netPayDueFen: 1_800_000 }),
        detectedAt: EVALUATED_AT,
      }),
      envelope('AlertRaised', 'G4', {
        ...alertState('PAY_SHEET_MISSING', 'G4', '110101', MONTH, 'YELLOW'),
        evidence: evidence(10, {}),
        detectedAt: EVALUATED_AT,
      }),
    ]);
    const arrears = await waitFor(
      async () => {
        const r = await get(`/api/v1/arrears?regionCode=110101&month=${MONTH}`, '110101');
        return r.body.openAlerts === 2 ? r : undefined;
      },
      { description: 'the grid alerts consumed' },
    );
    expect(arrears.body.unpaidWages).toMatchObject({
      openAlerts: 1,
      workersAffected: 4,
      amountOutstandingFen: 1_800_000,
    });
    const streetArrears = await get(
      `/api/v1/arrears?regionCode=110101001&month=${MONTH}`,
      '110101001',
    ).expect(200);
    expect(streetArrears.body).toMatchObject({
      regionCode: '110101001',
      openAlerts: 1,
      unpaidWages: { openAlerts: 1, workersAffected: 4, amountOutstanding: '18000.00' },
      otherAlerts: 0,
    });

    // A grid user sees no sibling grid nor the district; an unknown street is refused with what to use.
    await get(`/api/v1/coverage?regionCode=110101002&month=${MONTH}`, '110101001').expect(403);
    await get(`/api/v1/arrears?regionCode=110101`, '110101001').expect(403);
    const unknown = await get(`/api/v1/coverage?regionCode=110101999&month=${MONTH}`, '110101').expect(400);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({
        field: 'regionCode',
        message: expect.stringContaining('"110101999" is no 街道/乡镇'),
      }),
    ]);
  });
});
