import { randomBytes } from 'node:crypto';
import { Topics } from '@wage/contracts';
import { KafkaClient, signAccessToken } from '@wage/platform';
import { startTestApp, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { MONTH, projectWithUnpaidWorker } from '../testing/upstream-events.fixtures';

type CatalogueRule = {
  code: string;
  parameters: { name: string; value: number | null; source: Record<string, unknown> }[];
};
const parameterOf = (body: { rules: CatalogueRule[] }, code: string, name: string) =>
  body.rules.find((rule) => rule.code === code)!.parameters.find((p) => p.name === name)!;

// Each test works in a province of its own: overrides apply to every project in their region.
describe('rules-engine rule catalogue and regional overrides (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const user = (role: 'INSPECTOR' | 'LEADER' | 'ADMIN') => ({
    Authorization: `Bearer ${signAccessToken({ sub: `u-${role}`, role, region: '350000' }, t.env.JWT_SECRET, 600)}`,
  });
  // These tests set versions dated in the past: retroactive changes, which need a reason.
  const putRules = (region: string, body: object) =>
    t.http
      .put(`/api/v1/rules/${region}`)
      .set(admin())
      .send({ reason: 'test fixture', ...body })
      .expect(200);

  /** A project in `regionCode` owed September's wages, consumed and evaluated once by the event path. */
  async function projectOwedSeptember(regionCode: string): Promise<string> {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const fx = projectWithUnpaidWorker(code, regionCode);
    const kafka = t.app.get(KafkaClient);
    await kafka.send(Topics.project, fx.project);
    await kafka.send(Topics.roster, fx.roster);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM rules.pay_sheets WHERE project_code = $1`,
            [code],
          )
        )[0].n === 1 &&
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM rules.pending_evaluations`))[0].n === 0,
      { description: `project ${code} consumed and evaluated`, timeoutMs: 60_000 },
    );
    return code;
  }

  /**
   * What the rules found for September as of `asOf` (a past instant: a dry run that changes nothing): the
   * arrears finding as `OPEN`, or `CLEARED` when there was none.
   */
  async function arrearsAsOf(code: string, asOf: string) {
    const res = await t.http
      .post('/api/v1/evaluations')
      .set(admin())
      .send({ projectCode: code, month: MONTH, asOf })
      .expect(200);
    const found = (
      res.body.findings as {
        code: string;
        evidence: { parameters: Record<string, number>; facts: Record<string, unknown> };
      }[]
    ).find((f) => f.code === 'WAGE_ARREARS');
    return { status: found ? ('OPEN' as const) : ('CLEARED' as const), evidence: found?.evidence };
  }

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ALERT_SETTLE_SECONDS: '0' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows the effective catalogue of a region: the most specific override wins, with its source', async () => {
    await putRules('350000', { effectiveFrom: '2026-01-01', parameters: { graceDays: 4 } });
    const set = await putRules('350200', {
      effectiveFrom: '2026-01-01',
      parameters: { 'WAGE_ARREARS.graceDays': 6 },
    });
    // The answer to a PUT is the region's catalogue from the new version's date.
    expect(set.body).toMatchObject({ regionCode: '350200', onDate: '2026-01-01' });
    expect(parameterOf(set.body, 'WAGE_ARREARS', 'graceDays').value).toBe(6);

    const district = await t.http.get('/api/v1/rules').query({ regionCode: '350206' }).set(user('INSPECTOR'));
    expect(district.status).toBe(200);
    expect(district.body.regionCode).toBe('350206');
    expect(district.body.rules).toHaveLength(16);
    // The city's override for this rule, over the province's for every rule.
    expect(parameterOf(district.body, 'WAGE_ARREARS', 'graceDays')).toMatchObject({
      value: 6,
      defaultValue: 2,
      source: {
        kind: 'OVERRIDE',
        regionCode: '350200',
        ruleCode: 'WAGE_ARREARS',
        effectiveFrom: '2026-01-01',
      },
    });
    // Another rule with a grace period: only the province's general override reaches it.
    expect(parameterOf(district.body, 'WAGE_UNDERPAID', 'graceDays')).toMatchObject({
      value: 4,
      source: { kind: 'OVERRIDE', regionCode: '350000', ruleCode: null },
    });
    expect(parameterOf(district.body, 'WAGE_ARREARS', 'redDaysOverdue')).toMatchObject({
      value: 30,
      source: { kind: 'NATIONAL_DEFAULT' },
    });

    const elsewhere = await t.http
      .get('/api/v1/rules')
      .query({ regionCode: '440305' })
      .set(admin())
      .expect(200);
    expect(parameterOf(elsewhere.body, 'WAGE_ARREARS', 'graceDays')).toMatchObject({
      value: 2,
      source: { kind: 'NATIONAL_DEFAULT' },
    });
    const national = await t.http.get('/api/v1/rules').set(admin()).expect(200);
    expect(national.body.regionCode).toBe('000000');
  });

  it('evaluates a project with its region’s parameters, and says which applied in the evidence', async () => {
    // These projects have no bank account to state completeness: no lag, so arrears are judged at the deadline.
    await putRules('440300', {
      effectiveFrom: '2026-01-01',
      parameters: { 'WAGE_ARREARS.graceDays': 5, 'WAGE_ARREARS.bankFeedLagDays': 0 },
    });
    await putRules('330100', {
      effectiveFrom: '2026-01-01',
      parameters: { 'WAGE_ARREARS.bankFeedLagDays': 0 },
    });
    const inShenzhen = await projectOwedSeptember('440305');
    const inHangzhou = await projectOwedSeptember('330106');

    // 19 October: past 15 Oct + 2 grace days, not yet past 15 Oct + 5.
    const asOf = '2026-10-19T12:00:00+08:00';
    const hangzhou = await arrearsAsOf(inHangzhou, asOf);
    expect(hangzhou).toMatchObject({ status: 'OPEN' });
    expect(hangzhou.evidence!.parameters.graceDays).toBe(2);
    expect(hangzhou.evidence!.facts.parameterSources).toMatchObject({
      graceDays: { kind: 'NATIONAL_DEFAULT' },
    });
    // Not overdue on the 19th under Shenzhen's five days.
    expect(await arrearsAsOf(inShenzhen, asOf)).toMatchObject({ status: 'CLEARED' });

    const later = await arrearsAsOf(inShenzhen, '2026-10-21T12:00:00+08:00');
    expect(later).toMatchObject({ status: 'OPEN' });
    expect(later.evidence!.parameters.graceDays).toBe(5);
    expect(later.evidence!.facts).toMatchObject({
      ruleVersion: 1,
      parameterSources: {
        graceDays: {
          kind: 'OVERRIDE',
          regionCode: '440300',
          ruleCode: 'WAGE_ARREARS',
          effectiveFrom: '2026-01-01',
        },
      },
    });
  }, 120_000);

  it('applies the version of the parameters in force at the instant evaluated', async () => {
    await putRules('320500', {
      effectiveFrom: '2026-01-01',
      parameters: { 'WAGE_ARREARS.graceDays': 0, 'WAGE_ARREARS.bankFeedLagDays': 0 },
    });
    await putRules('320500', {
      effectiveFrom: '2026-10-20',
      parameters: { 'WAGE_ARREARS.graceDays': 10, 'WAGE_ARREARS.bankFeedLagDays': 0 },
    });
    const code = await projectOwedSeptember('320506');

    // As of 18 October the first version applies: due on 15 October, no grace, overdue.
    const before = await arrearsAsOf(code, '2026-10-18T12:00:00+08:00');
    expect(before).toMatchObject({ status: 'OPEN' });
    expect(before.evidence!.parameters.graceDays).toBe(0);
    expect(before.evidence!.facts.parameterSources).toMatchObject({
      graceDays: { kind: 'OVERRIDE', effectiveFrom: '2026-01-01' },
    });
    // As of 22 October the second: ten days' grace, not overdue until after the 25th.
    expect(await arrearsAsOf(code, '2026-10-22T12:00:00+08:00')).toMatchObject({ status: 'CLEARED' });
    // And going back to the 18th gives the first result again.
    expect(await arrearsAsOf(code, '2026-10-18T12:00:00+08:00')).toMatchObject({ status: 'OPEN' });

    const today = await t.http.get('/api/v1/rules').query({ regionCode: '320506' }).set(admin()).expect(200);
    expect(parameterOf(today.body, 'WAGE_ARREARS', 'graceDays')).toMatchObject({
      value: 10,
      source: { kind: 'OVERRIDE', regionCode: '320500', effectiveFrom: '2026-10-20' },
    });
  }, 120_000);

  // Found by the attack pass (issue 16 item 10): overrides effective in 2020 were taken silently. A retroactive
  // change needs a reason and is audited; closed months keep their verdicts unless re-evaluated on purpose.
  it('takes a retroactive change only with a reason, audits it, and leaves closed months alone unless asked', async () => {
    await putRules('370000', {
      effectiveFrom: '2026-01-01',
      parameters: { 'WAGE_ARREARS.bankFeedLagDays': 0 },
    });
    const code = await projectOwedSeptember('370102');
    const arrears = async () =>
      (
        await t.dataSource.query(
          `SELECT status FROM rules.alerts WHERE project_code = $1 AND code = 'WAGE_ARREARS' AND month = $2`,
          [code, MONTH],
        )
      )[0]?.status as string | undefined;
    // September closed at the end of October: its wages were owed, and the alert is open.
    await waitFor(async () => (await arrears()) === 'OPEN', { description: 'the September arrears raised' });

    const lenient = { effectiveFrom: '2026-09-01', parameters: { 'WAGE_ARREARS.graceDays': 120 } };
    const withoutReason = await t.http.put('/api/v1/rules/370000').set(admin()).send(lenient);
    expect(withoutReason.status).toBe(422);
    expect(withoutReason.body).toMatchObject({
      error: 'REASON_REQUIRED',
      details: [{ field: 'reason', code: 'REASON_REQUIRED' }],
    });
    expect(withoutReason.body.message).toContain('属于追溯调整');
    const unchanged = await t.http.get('/api/v1/rules').query({ regionCode: '370102' }).set(admin());
    expect(parameterOf(unchanged.body, 'WAGE_ARREARS', 'graceDays').value).toBe(2);

    const reason = '省人社厅通知：9月起宽限期延长';
    const set = await t.http
      .put('/api/v1/rules/370000')
      .set(user('ADMIN'))
      .send({ ...lenient, reason })
      .expect(200);
    expect(set.body.change).toMatchObject({
      setBy: 'user:u-ADMIN',
      reason,
      retroactive: true,
      reevaluate: false,
      queued: 0,
    });
    const [audit] = await t.dataSource.query(
      `SELECT set_by, reason, retroactive, parameters, set_at FROM rules.rule_override_changes WHERE id = $1`,
      [set.body.change.id],
    );
    expect(audit).toMatchObject({
      set_by: 'user:u-ADMIN',
      reason,
      retroactive: true,
      parameters: { 'WAGE_ARREARS.graceDays': 120 },
    });
    // Evaluated again now, the closed month keeps the rules it closed with: the arrears stand.
    await t.http
      .post('/api/v1/evaluations')
      .set(admin())
      .send({ projectCode: code, month: MONTH })
      .expect(200);
    expect(await arrears()).toBe('OPEN');

    // The same date again without re-evaluating would rewrite the version closed months may have used: refused.
    const inPlace = await t.http
      .put('/api/v1/rules/370000')
      .set(admin())
      .send({ ...lenient, parameters: { 'WAGE_ARREARS.graceDays': 90 }, reason: '更正' });
    expect(inPlace.status).toBe(409);
    expect(inPlace.body).toMatchObject({ error: 'VERSION_IN_USE' });

    // On purpose: the same change with reevaluate re-evaluates the region's months from September.
    const redo = await t.http
      .put('/api/v1/rules/370000')
      .set(admin())
      .send({ ...lenient, reason: `${reason}（重新评估）`, reevaluate: true })
      .expect(200);
    expect(redo.body.change).toMatchObject({ setBy: 'admin', retroactive: true, reevaluate: true });
    expect(redo.body.change.queued).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await arrears()) === 'CLEARED', {
      description: 'the September arrears cleared under 120 days of grace',
      timeoutMs: 60_000,
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM rules.rule_override_changes WHERE region_code = '370000'`,
    );
    expect(n).toBe(3);
  }, 120_000);

  it('lets only an administrator set overrides, and refuses unknown parameters with a reason', async () => {
    const body = { effectiveFrom: '2026-01-01', parameters: { graceDays: 9 }, reason: '按省厅通知' };
    await t.http.put('/api/v1/rules/510000').send(body).expect(401);
    for (const role of ['INSPECTOR', 'LEADER'] as const) {
      const refused = await t.http.put('/api/v1/rules/510000').set(user(role)).send(body);
      expect(refused.status).toBe(403);
    }
    const unchanged = await t.http
      .get('/api/v1/rules')
      .query({ regionCode: '510000' })
      .set(admin())
      .expect(200);
    expect(parameterOf(unchanged.body, 'WAGE_ARREARS', 'graceDays').source).toEqual({
      kind: 'NATIONAL_DEFAULT',
    });

    await t.http.put('/api/v1/rules/510000').set(user('ADMIN')).send(body).expect(200);

    const unknown = await t.http
      .put('/api/v1/rules/510000')
      .set(admin())
      .send({
        effectiveFrom: '2026-01-01',
        parameters: { 'WAGE_ARREARS.patience': 3 },
        reason: '按省厅通知',
      });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: 'INVALID_ARGUMENT',
      message: expect.stringContaining('"patience"'),
    });
    expect(unknown.body.message).toContain('GET /api/v1/rules');
  });
});
