import { randomBytes, randomUUID } from 'node:crypto';
import { EmployerDelisted, EmployerListed, GradeAssigned, ProjectRegistered, Topics } from '@wage/contracts';
import { creditCodeCheckChar } from '@wage/domain';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { envelope, hash } from '../testing/upstream-events.fixtures';

const creditCode = () => {
  const first17 = `91350206${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}`;
  return first17 + creditCodeCheckChar(first17);
};

describe('rules-engine: the deposit adjustment follows the grades and listings of wage.enforcement.events.v1', () => {
  let t: TestApp;
  let deadLetters: TopicReader;
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const send = (topic: string, messages: { key: string; value: string }[]) =>
    t.app.get(KafkaClient).send(topic, messages);
  const processed = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM rules.processed_events WHERE consumer = 'rules-engine.enforcement'`,
      )
    )[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ALERT_SETTLE_SECONDS: '0' });
    deadLetters = await TopicReader.start(t.topic(`${Topics.enforcement}.dlq`));
  }, 120_000);

  afterAll(async () => {
    await deadLetters?.stop();
    await t?.close();
  });

  /** A ¥10,000,000 contract that started in June with no deposit stored: DEPOSIT_SHORTFALL is due. */
  async function newProjectOf(contractor: string) {
    const code = `P-${randomBytes(3).toString('hex')}`;
    await send(Topics.project, [
      envelope(ProjectRegistered, code, {
        code,
        name: `工地 ${code}`,
        regionCode: '350206',
        contractor: { name: '某建设公司', creditCode: contractor },
        owner: { name: '某开发公司' },
        contractAmountFen: 1_000_000_000,
        startDate: '2026-06-01',
        payday: 15,
        status: 'IN_CONSTRUCTION',
        apiKeyHash: hash(),
      }),
    ]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM rules.projects WHERE code = $1`, [code])).length === 1,
      { description: `project ${code} registered`, timeoutMs: 45_000 },
    );
    await t.http.post('/api/v1/evaluations').set(admin()).send({ projectCode: code }).expect(200);
    const [alert] = await t.dataSource.query(
      `SELECT evidence FROM rules.alerts WHERE project_code = $1 AND code = 'DEPOSIT_SHORTFALL'`,
      [code],
    );
    return alert?.evidence as { amounts: Record<string, number>; facts: Record<string, unknown> } | undefined;
  }

  it("a C employer's next project gets adjustment 2.0, and DEPOSIT_SHORTFALL's evidence names the grade", async () => {
    const contractor = creditCode();
    const before = await processed();
    await send(Topics.enforcement, [
      envelope(GradeAssigned, `employer:${contractor}`, {
        creditCode: contractor,
        employerName: '某建设公司',
        year: 2025,
        grade: 'C',
        kind: 'ANNUAL',
        criteria: ['THREE_OR_MORE_FINDINGS'],
        findings: [randomUUID(), randomUUID(), randomUUID()],
        unpaidWages: true,
        consecutiveAYears: 0,
        assignedAt: new Date().toISOString(),
      }),
    ]);
    await waitFor(async () => (await processed()) === before + 1, { description: 'the grade consumed' });
    const evidence = await newProjectOf(contractor);
    // 2% × 2.0 of ¥10,000,000 = ¥400,000
    expect(evidence?.amounts).toMatchObject({ requiredDepositFen: 40_000_000, depositInForceFen: 0 });
    expect(evidence?.facts).toMatchObject({
      adjustment: 2,
      reason: 'GRADE_C_UNPAID_WAGES',
      grade: 'C',
      gradeYear: 2025,
      ruleVersion: 2,
    });
  }, 120_000);

  it("a dry run as of an earlier day applies the grade in force that day, not today's", async () => {
    const contractor = creditCode();
    const before = await processed();
    const grade = (year: number, letter: 'A' | 'C', assignedAt: string) =>
      envelope(GradeAssigned, `employer:${contractor}`, {
        creditCode: contractor,
        employerName: '某建设公司',
        year,
        grade: letter,
        kind: 'ANNUAL',
        criteria: letter === 'C' ? ['THREE_OR_MORE_FINDINGS'] : [],
        findings: letter === 'C' ? [randomUUID(), randomUUID(), randomUUID()] : [],
        unpaidWages: letter === 'C',
        consecutiveAYears: letter === 'A' ? 1 : 0,
        assignedAt,
      });
    // Both in one batch: the later year's grade must not overwrite the earlier one's history.
    await send(Topics.enforcement, [
      grade(2024, 'C', '2025-01-02T02:00:00+08:00'),
      grade(2025, 'A', '2026-07-20T02:00:00+08:00'),
    ]);
    await waitFor(async () => (await processed()) === before + 2, { description: 'both grades consumed' });
    const now = await newProjectOf(contractor);
    expect(now?.facts).toMatchObject({ adjustment: 1 });
    expect(now?.amounts).toMatchObject({ requiredDepositFen: 20_000_000 });

    const [{ code }] = await t.dataSource.query(
      `SELECT code FROM rules.projects WHERE contractor_credit_code = $1`,
      [contractor],
    );
    const dry = await t.http
      .post('/api/v1/evaluations')
      .set(admin())
      .send({ projectCode: code, asOf: '2026-07-10T12:00:00+08:00' });
    expect(dry.status).toBe(200);
    const shortfall = (
      dry.body.findings as { code: string; evidence: { amounts: object; facts: object } }[]
    ).find((f) => f.code === 'DEPOSIT_SHORTFALL');
    // On 10 July the 2024 grade (C, with unpaid wages) was in force: 2% × 2.0.
    expect(shortfall?.evidence.facts).toMatchObject({ adjustment: 2, grade: 'C', gradeYear: 2024 });
    expect(shortfall?.evidence.amounts).toMatchObject({ requiredDepositFen: 40_000_000 });
  }, 120_000);

  it('a listed employer pays 2.0 while listed; an unlisted, ungraded one the standard rate', async () => {
    const listed = creditCode();
    const before = await processed();
    await send(Topics.enforcement, [
      envelope(EmployerListed, `employer:${listed}`, {
        listingId: randomUUID(),
        creditCode: listed,
        employerName: '某建设公司',
        caseId: randomUUID(),
        regionCode: '350206',
        reason: '拖欠农民工工资，经责令限期支付仍未支付',
        decidedOn: '2026-11-02',
        listedUntil: '2029-11-01',
      }),
    ]);
    await waitFor(async () => (await processed()) === before + 1, { description: 'the listing consumed' });
    expect((await newProjectOf(listed))?.facts).toMatchObject({ adjustment: 2, reason: 'BLACKLISTED' });
    expect((await newProjectOf(creditCode()))?.facts).toMatchObject({ adjustment: 1, reason: 'STANDARD' });
  }, 120_000);

  it('a listing removed early pays the standard rate again, even when both arrive in one batch', async () => {
    const removed = creditCode();
    const listingId = randomUUID();
    const before = await processed();
    await send(Topics.enforcement, [
      envelope(EmployerListed, `employer:${removed}`, {
        listingId,
        creditCode: removed,
        employerName: '某劳务公司',
        caseId: randomUUID(),
        regionCode: '350206',
        reason: '拖欠农民工工资，经责令限期支付仍未支付',
        decidedOn: '2026-01-05',
        listedUntil: '2029-01-04',
      }),
      envelope(EmployerDelisted, `employer:${removed}`, {
        listingId,
        creditCode: removed,
        reason: 'EARLY_REMOVAL',
        delistedOn: '2026-11-20',
      }),
    ]);
    await waitFor(async () => (await processed()) === before + 2, {
      description: 'listing and removal consumed',
    });
    expect((await newProjectOf(removed))?.facts).toMatchObject({ adjustment: 1, reason: 'STANDARD' });
  }, 120_000);

  it('dead-letters an enforcement event that breaks its contract, with the reason, and moves on', async () => {
    const poison = envelope(GradeAssigned, 'employer:x', {
      creditCode: creditCode(),
      employerName: '某建设公司',
      year: 2025,
      grade: 'C',
      kind: 'ANNUAL',
      criteria: [],
      findings: [],
      unpaidWages: false,
      consecutiveAYears: 0,
      assignedAt: new Date().toISOString(),
    });
    const broken = { ...poison, value: poison.value.replace('"grade":"C"', '"grade":"D"') };
    await send(Topics.enforcement, [broken]);
    const letters = await deadLetters.waitFor((m) => m.some((l) => l.value === broken.value), {
      description: 'the poison message on the dead-letter topic',
      timeoutMs: 60_000,
    });
    expect(letters.find((l) => l.value === broken.value)?.headers).toBeDefined();
  }, 120_000);
});
