import {
  Topics,
  parseEvent,
  rosterEvents,
  type PaySheetRevisionDecided,
  type PaySheetRevisionSubmitted,
  type PaySheetSubmitted,
} from '@wage/contracts';
import { monthOf } from '@wage/domain';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  registerProject,
  rosterTablesAsText,
  startRosterService,
  userToken,
  worker,
} from '../testing/roster-test-kit';

// September 2026, payday 15: due Thu 15 Oct, + 2 grace days = 17 Oct. Every run of this test is after it.
const LATE_MONTH = '2026-09';
const CODE = 'XM-REV-1';

describe('pay-sheet revisions: a sheet lowered after its deadline waits for an inspector (real PostgreSQL, Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let projectKey: string;
  let inspector: string;
  const roll = [1, 2, 3].map((n) => worker(n));
  const original = [
    { idNumber: roll[0].idNumber, grossPay: '5200.00', netPay: '5000.00' },
    { idNumber: roll[1].idNumber, grossPay: '6000.00', netPay: '6000.00' },
  ];
  const netZero = original.map((l) => ({ ...l, netPay: '0.00' }));

  beforeAll(async () => {
    service = await startRosterService();
    reader = await TopicReader.start(service.topic(Topics.roster));
    projectKey = await registerProject(service, CODE);
    inspector = userToken(service, '350206');
    const put = await service.http
      .put(`/api/v1/projects/${CODE}/workers`)
      .set(bearer(projectKey))
      .send({ workers: roll });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const submit = (lines: object[], month = LATE_MONTH) =>
    service.http.post(`/api/v1/projects/${CODE}/pay-sheets`).set(bearer(projectKey)).send({ month, lines });
  const decide = (
    id: string,
    action: 'accept' | 'reject',
    token: string,
    body: object = { reason: '已核实' },
  ) =>
    service.http
      .post(`/api/v1/projects/${CODE}/pay-sheets/${LATE_MONTH}/revisions/${id}/${action}`)
      .set(bearer(token))
      .send(body);
  const sheetInForce = async () =>
    service.dataSource.query(
      `SELECT s.submission_id AS "submissionId", s.net_pay_fen::int AS net, count(l.*)::int AS lines
       FROM roster.pay_sheets s JOIN roster.pay_sheet_lines l USING (project_code, month)
       WHERE s.project_code = $1 AND s.month = $2 GROUP BY s.submission_id, s.net_pay_fen`,
      [CODE, LATE_MONTH],
    );
  const eventsOf = <T>(type: string) =>
    reader.messages
      .map((m) => parseEvent(rosterEvents, m.value))
      .flatMap((e) => (e.ok && e.event.type === type ? [e.event.data as T] : []));

  let originalSubmission: string;
  let rejectedId: string;

  it('keeps a net-0 sheet sent after the deadline as a revision (202); the original stays in force', async () => {
    const first = await submit(original);
    expect(first.status).toBe(201);
    originalSubmission = first.body.submissionId;

    const lowered = await submit(netZero);
    expect(lowered.status).toBe(202);
    expect(lowered.body).toMatchObject({
      month: LATE_MONTH,
      code: 'REVISION_PENDING_REVIEW',
      revision: {
        status: 'PENDING',
        deadline: '2026-10-17',
        revisesSubmissionId: originalSubmission,
        submittedBy: `project:${CODE}`,
        original: { lines: 2, grossPay: '11200.00', netPay: '11000.00' },
        revised: { lines: 2, grossPay: '11200.00', netPay: '0.00' },
        linesLowered: 2,
        workersDropped: 0,
      },
    });
    expect(lowered.body.message).toContain('待项目所在地劳动保障监察员审核');
    // Masked in the answer: the region and the last four digits only.
    expect(lowered.body.revision.lowered.map((l: { idNumber: string }) => l.idNumber)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^350206\*+\d{3}[\dX]$/)]),
    );
    expect(JSON.stringify(lowered.body)).not.toContain(roll[0].idNumber);
    rejectedId = lowered.body.revision.id;
    expect(await sheetInForce()).toEqual([{ submissionId: originalSubmission, net: 1_100_000, lines: 2 }]);

    await reader.waitFor(() => eventsOf('PaySheetRevisionSubmitted').length === 1, {
      description: 'PaySheetRevisionSubmitted',
    });
    const [event] = eventsOf<PaySheetRevisionSubmitted>('PaySheetRevisionSubmitted');
    expect(event).toMatchObject({
      revisionId: rejectedId,
      revisesSubmissionId: originalSubmission,
      linesLowered: 2,
      totals: { lines: 2, grossPayFen: 1_120_000, netPayFen: 0 },
      originalTotals: { lines: 2, grossPayFen: 1_120_000, netPayFen: 1_100_000 },
    });
    expect(event.lowered.map((l) => [l.originalNetPayFen, l.revisedNetPayFen]).sort()).toEqual([
      [500_000, 0],
      [600_000, 0],
    ]);
    const messages = reader.messages.map((m) => m.value).join('\n');
    for (const w of roll) expect(messages).not.toContain(w.idNumber);
    // Only one sheet went out as the sheet in force: the original.
    expect(eventsOf('PaySheetSubmitted')).toHaveLength(1);
    expect(await rosterTablesAsText(service)).not.toContain(roll[0].idNumber);
  });

  it('lets neither the project, a leader, nor another region decide it; a reason is required', async () => {
    const own = await decide(rejectedId, 'accept', projectKey);
    expect(own.status).toBe(403);
    expect((await decide(rejectedId, 'reject', projectKey)).status).toBe(403);
    expect((await decide(rejectedId, 'accept', userToken(service, '350206', 'LEADER'))).status).toBe(403);
    expect((await decide(rejectedId, 'accept', userToken(service, '350203'))).status).toBe(404);
    const noReason = await decide(rejectedId, 'reject', inspector, {});
    expect(noReason.status).toBe(400);
    expect((await decide(rejectedId, 'reject', inspector, { reason: '  ' })).status).toBe(400);
    const list = await service.http
      .get(`/api/v1/projects/${CODE}/pay-sheets/${LATE_MONTH}/revisions`)
      .set(bearer(projectKey));
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [rejectedId, 'PENDING'],
    ]);
  });

  it('rejecting keeps the original, audited once', async () => {
    const rejected = await decide(rejectedId, 'reject', inspector, { reason: '工人未确认，维持原工资表' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      decidedBy: 'user:user-350206',
      reason: '工人未确认，维持原工资表',
    });
    expect(Date.parse(rejected.body.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await sheetInForce()).toEqual([{ submissionId: originalSubmission, net: 1_100_000, lines: 2 }]);
    const again = await decide(rejectedId, 'accept', inspector);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('ALREADY_DECIDED');
    await reader.waitFor(() => eventsOf('PaySheetRevisionDecided').length === 1, {
      description: 'PaySheetRevisionDecided',
    });
    expect(eventsOf<PaySheetRevisionDecided>('PaySheetRevisionDecided')[0]).toMatchObject({
      revisionId: rejectedId,
      decision: 'REJECTED',
      decidedBy: 'user:user-350206',
    });
  });

  it('accepting makes the revision the sheet in force and keeps what it replaced on its lines', async () => {
    // Worker 2 dropped, worker 1 lowered to 4,000.00, worker 3 added: two lines lowered, one of them dropped.
    const revision = await submit([
      { idNumber: roll[0].idNumber, grossPay: '5200.00', netPay: '4000.00' },
      { idNumber: roll[2].idNumber, grossPay: '3000.00', netPay: '3000.00' },
    ]);
    expect(revision.status).toBe(202);
    expect(revision.body.revision).toMatchObject({ linesLowered: 2, workersDropped: 1 });
    expect(
      revision.body.revision.lowered
        .map((l: { originalNetPay: string; revisedNetPay: string | null }) => [
          l.originalNetPay,
          l.revisedNetPay,
        ])
        .sort(),
    ).toEqual([
      ['5000.00', '4000.00'],
      ['6000.00', null],
    ]);
    const id = revision.body.revision.id as string;
    const accepted = await decide(id, 'accept', service.env.ADMIN_API_KEY, { reason: '经核实更正属实' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', decidedBy: 'admin' });
    const [inForce] = await sheetInForce();
    expect(inForce).toMatchObject({ net: 700_000, lines: 2 });
    expect(inForce.submissionId).not.toBe(originalSubmission);
    const [{ kept }] = await service.dataSource.query(
      `SELECT sum(original_net_pay_fen)::int AS kept FROM roster.pay_sheet_revision_lines WHERE revision_id = $1`,
      [id],
    );
    expect(kept).toBe(1_100_000);

    await reader.waitFor(() => eventsOf('PaySheetSubmitted').length === 2, {
      description: 'the accepted revision as the sheet in force',
    });
    const sheet = eventsOf<PaySheetSubmitted>('PaySheetSubmitted')[1];
    expect(sheet).toMatchObject({
      submissionId: inForce.submissionId,
      replacesPrevious: true,
      totals: { lines: 2, grossPayFen: 820_000, netPayFen: 700_000 },
    });
  });

  it('a later sheet that lowers nothing replaces the one in force and supersedes a pending revision', async () => {
    const pending = await submit([{ idNumber: roll[0].idNumber, grossPay: '5200.00', netPay: '1.00' }]);
    expect(pending.status).toBe(202);
    const raised = await submit([
      { idNumber: roll[0].idNumber, grossPay: '5200.00', netPay: '4000.00' },
      { idNumber: roll[2].idNumber, grossPay: '3500.00', netPay: '3500.00' },
    ]);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ replaced: true, netPay: '7500.00' });
    const list = await service.http
      .get(`/api/v1/projects/${CODE}/pay-sheets/${LATE_MONTH}/revisions`)
      .set(bearer(inspector));
    expect(list.body.items[0]).toMatchObject({ id: pending.body.revision.id, status: 'SUPERSEDED' });
    expect((await decide(pending.body.revision.id, 'accept', inspector)).status).toBe(409);
  });

  it("before the month's deadline a lower sheet still replaces the one in force", async () => {
    const month = monthOf(new Date());
    expect((await submit(original, month)).status).toBe(201);
    const lower = await submit([original[0]], month);
    expect(lower.status).toBe(201);
    expect(lower.body).toMatchObject({ replaced: true, lines: 1 });
  });
});
