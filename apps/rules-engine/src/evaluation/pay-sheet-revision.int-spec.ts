import { Topics, alertKey } from '@wage/contracts';
import { startTestApp, TopicReader, waitFor, type ReadMessage, type TestApp } from '@wage/testing';
import {
  bearer,
  registerProject,
  startRosterService,
  userToken,
  worker,
} from '../../../roster-service/src/testing/roster-test-kit';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

// Issue 16, item 1: a project resubmitted a month's pay sheet with net 0.00 after the deadline and its open
// WAGE_ARREARS cleared with no WAGE_UNDERPAID. Here roster-service and the rules engine run in-process against
// real PostgreSQL and Kafka, on one topic prefix: the project's own calls reach the rules only as events.
// September 2026, payday 15: due Thu 15 Oct, + 2 grace days = 17 Oct; the 3 working days of bank-feed lag end
// on 21 Oct, so with no bank feed at all the arrears are judged from 22 Oct on — always, when this test runs.
const MONTH = '2026-09';
const CODE = 'XM-ATTACK-1';
const ARREARS = alertKey('WAGE_ARREARS', CODE, MONTH);

interface AlertRow {
  status: string;
  evidence: { amounts: Record<string, number>; facts: Record<string, unknown> };
}
type AlertMessage = { type: string; data: { alertKey: string; evidence: AlertRow['evidence'] } };

describe('a pay sheet lowered after its deadline does not end the arrears until an inspector accepts it', () => {
  let roster: TestApp;
  let rules: TestApp;
  let alerts: TopicReader;
  let projectKey: string;
  let inspector: string;
  const roll = [1, 2].map((n) => worker(n));
  const original = [
    { idNumber: roll[0].idNumber, grossPay: '5200.00', netPay: '5000.00' },
    { idNumber: roll[1].idNumber, grossPay: '6000.00', netPay: '6000.00' },
  ];
  const netZero = original.map((l) => ({ ...l, netPay: '0.00' }));

  beforeAll(async () => {
    roster = await startRosterService();
    rules = await startTestApp(
      { envSchema, serviceDefinition, AppModule },
      { ALERT_SETTLE_SECONDS: '0', KAFKA_TOPIC_PREFIX: roster.env.KAFKA_TOPIC_PREFIX },
    );
    alerts = await TopicReader.start(roster.topic(Topics.alert));
    projectKey = await registerProject(roster, CODE);
    inspector = userToken(roster, '350206');
  }, 120_000);
  afterAll(async () => {
    await alerts?.stop();
    await rules?.close();
    await roster?.close();
  });

  const post = (path: string, body: object, token = projectKey) =>
    roster.http.post(`/api/v1/projects/${CODE}/${path}`).set(bearer(token)).send(body);
  const alert = async (key = ARREARS): Promise<AlertRow | undefined> =>
    (
      await rules.dataSource.query(`SELECT status, evidence FROM rules.alerts WHERE alert_key = $1`, [key])
    )[0];
  const untilAlert = (what: string, holds: (row: AlertRow | undefined) => boolean) =>
    waitFor(async () => holds(await alert()), { description: what, timeoutMs: 60_000 });
  const pendingRevisionOf = (row: AlertRow | undefined) =>
    row?.evidence.facts.pendingRevision as { revisionId: string; lowered: unknown[] } | undefined;
  const alertEventsOf = (messages: ReadMessage[], type: string) =>
    messages
      .map((m) => JSON.parse(m.value!) as AlertMessage)
      .filter((m) => m.type === type && m.data.alertKey === ARREARS);
  const noUnderpaid = async () =>
    expect(await alert(alertKey('WAGE_UNDERPAID', CODE, MONTH))).toBeUndefined();

  it('opens arrears for a sheet no bank paid', async () => {
    expect(
      (
        await roster.http
          .put(`/api/v1/projects/${CODE}/workers`)
          .set(bearer(projectKey))
          .send({ workers: roll })
      ).status,
    ).toBe(200);
    const attendance = await post('attendance', {
      month: MONTH,
      records: roll.map((w) => ({ idNumber: w.idNumber, daysWorked: 20 })),
    });
    expect(attendance.status).toBe(201);
    expect((await post('pay-sheets', { month: MONTH, lines: original })).status).toBe(201);
    // Attendance alone opens it (no known amount); the sheet then states what is owed.
    await untilAlert(
      'WAGE_ARREARS open for the sheet',
      (row) => row?.status === 'OPEN' && row.evidence.amounts.netPayDueFen === 1_100_000,
    );
  });

  let revisionId: string;

  it('keeps the net-0 sheet as a revision (202); the arrears stays open and its evidence shows the revision', async () => {
    const lowered = await post('pay-sheets', { month: MONTH, lines: netZero });
    expect(lowered.status).toBe(202);
    revisionId = lowered.body.revision.id;
    await untilAlert('the revision on the alert', (row) => pendingRevisionOf(row)?.revisionId === revisionId);
    const row = (await alert())!;
    expect(row.status).toBe('OPEN');
    expect(row.evidence.amounts.netPayDueFen).toBe(1_100_000);
    expect(row.evidence.facts.pendingRevision).toMatchObject({
      revisionId,
      status: 'PENDING',
      deadline: '2026-10-17',
      totals: { lines: 2, grossPayFen: 1_120_000, netPayFen: 0 },
      originalTotals: { lines: 2, grossPayFen: 1_120_000, netPayFen: 1_100_000 },
      linesLowered: 2,
      workersDropped: 0,
    });
    const lines = pendingRevisionOf(row)!.lowered as { idMasked: string; name: string }[];
    expect(lines.map((l) => [l.name, l.idMasked.slice(0, 6)]).sort()).toEqual([
      ['Worker 1', '350206'],
      ['Worker 2', '350206'],
    ]);
    expect(JSON.stringify(row.evidence)).not.toContain(roll[0].idNumber);
    // alert-service hears of it: the evidence of an AlertUpdated names the revision.
    await alerts.waitFor(
      (m) =>
        alertEventsOf(m, 'AlertUpdated').some(
          (e) =>
            (e.data.evidence.facts.pendingRevision as { revisionId?: string })?.revisionId === revisionId,
        ),
      { description: 'AlertUpdated with the revision' },
    );
    expect(alertEventsOf(alerts.messages, 'AlertCleared')).toEqual([]);
    await noUnderpaid();
  });

  it('an inspector rejecting it keeps the original: the arrears stays, the revision leaves its evidence', async () => {
    const rejected = await post(
      `pay-sheets/${MONTH}/revisions/${revisionId}/reject`,
      { reason: '工人未确认，维持原工资表' },
      inspector,
    );
    expect(rejected.status).toBe(200);
    await untilAlert(
      'the rejected revision off the alert',
      (row) => row !== undefined && !pendingRevisionOf(row),
    );
    const row = (await alert())!;
    expect(row.status).toBe('OPEN');
    expect(row.evidence.amounts.netPayDueFen).toBe(1_100_000);
    await noUnderpaid();
  });

  it('an inspector accepting one re-evaluates the month with it: net 0 owes nothing, so the arrears clears', async () => {
    const again = await post('pay-sheets', { month: MONTH, lines: netZero });
    expect(again.status).toBe(202);
    const id = again.body.revision.id as string;
    await untilAlert('the second revision on the alert', (row) => pendingRevisionOf(row)?.revisionId === id);
    expect(
      (await post(`pay-sheets/${MONTH}/revisions/${id}/accept`, { reason: 'x' }, projectKey)).status,
    ).toBe(403);
    expect((await alert())!.status).toBe('OPEN');

    const accepted = await post(
      `pay-sheets/${MONTH}/revisions/${id}/accept`,
      { reason: '经核实工人当月已现金结清并签字确认' },
      inspector,
    );
    expect(accepted.status).toBe(200);
    await untilAlert('WAGE_ARREARS cleared', (row) => row?.status === 'CLEARED');
    await alerts.waitFor((m) => alertEventsOf(m, 'AlertCleared').length === 1, {
      description: 'AlertCleared',
    });
    await noUnderpaid();
  });
});
