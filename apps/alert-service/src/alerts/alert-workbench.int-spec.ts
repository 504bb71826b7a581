import type { TestApp } from '@wage/testing';
import {
  alertData,
  bearer,
  createUser,
  login,
  publishAlertEvent,
  startAlertApp,
  waitForAlert,
} from '../testing/alert-fixtures';

const HOUR = 3_600_000;

interface ListedAlert {
  id: string;
  projectCode: string;
  severity: string;
  status: string;
  escalation: { hours: number; dueAt: string; escalated: boolean } | null;
}
interface AlertPage {
  items: ListedAlert[];
  total: number;
  page: number;
  pageSize: number;
  counts: { open: number; acknowledged: number; overdue: number };
}

/** The inspector's workbench over the real API: the open caseload, in urgency order, paged, with its counts. */
describe('alert-service workbench queries (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startAlertApp();
    await createUser(t, { username: 'lin.inspector', role: 'INSPECTOR', regionCode: '350206' });
    await createUser(t, { username: 'xu.city', role: 'INSPECTOR', regionCode: '350200' });
    await createUser(t, { username: 'he.leader', role: 'LEADER', regionCode: '350000' });
    await createUser(t, { username: 'gao.elsewhere', role: 'INSPECTOR', regionCode: '350203' });
    await createUser(t, { username: 'root.admin', role: 'ADMIN', regionCode: '000000' });
    token = await login(t, 'lin.inspector');
  });
  afterAll(() => t.close());

  const raise = async (
    projectCode: string,
    severity: 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE',
    region = '350206',
  ) => {
    const data = alertData({ projectCode, regionCode: region, severity });
    await publishAlertEvent(t, 'AlertRaised', data);
    return waitForAlert(t, data.alertKey);
  };
  const list = async (query: string): Promise<AlertPage> => {
    const answer = await t.http.get(`/api/v1/alerts?${query}`).set(bearer(token));
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('lists the open alerts most severe first, then the longest raised, in pages, with the caseload counts', async () => {
    const yellowOld = await raise('P-WB-Y-OLD', 'YELLOW');
    const redLate = await raise('P-WB-R-LATE', 'RED');
    const redEarly = await raise('P-WB-R-EARLY', 'RED');
    await raise('P-WB-O', 'ORANGE');
    await raise('P-WB-B', 'BLUE');
    const handled = await raise('P-WB-ACK', 'YELLOW');
    const closed = await raise('P-WB-CLOSED', 'RED');
    await raise('P-WB-FAR', 'RED', '350203');

    // Raised at known instants: the early RED five hours ago (past its 4 h deadline), the YELLOW three days ago
    // less an hour (inside its 72 h), the others just now.
    const at = (row: { id: string }, ago: number) =>
      t.dataSource.query(`UPDATE alerts.alerts SET raised_at = $2, severity_since = $2 WHERE id = $1`, [
        row.id,
        new Date(Date.now() - ago),
      ]);
    await at(redEarly, 5 * HOUR);
    await at(yellowOld, 71 * HOUR);
    await at(redLate, 1 * HOUR);
    const ack = await t.http.post(`/api/v1/alerts/${handled.id}/acknowledge`).set(bearer(token)).send({});
    expect(ack.status).toBe(200);
    const resolved = await t.http
      .post(`/api/v1/alerts/${closed.id}/resolve`)
      .set(bearer(token))
      .send({ note: '已足额补发' });
    expect(resolved.status).toBe(200);

    const first = await list('open=true&sort=urgency&pageSize=3');
    expect(first.total).toBe(6);
    expect(first.items.map((a) => a.projectCode)).toEqual(['P-WB-R-EARLY', 'P-WB-R-LATE', 'P-WB-O']);
    const second = await list('open=true&sort=urgency&pageSize=3&page=2');
    expect(second.items.map((a) => a.projectCode)).toEqual(['P-WB-Y-OLD', 'P-WB-ACK', 'P-WB-B']);
    expect(second.page).toBe(2);
    // Counts are the caseload of the caller's region whatever the filters: 5 OPEN, 1 ACKNOWLEDGED, 1 overdue
    // (the RED raised five hours ago); another district's RED is not the inspector's.
    expect(first.counts).toEqual({ open: 5, acknowledged: 1, overdue: 1 });
    expect((await list('severity=BLUE')).counts).toEqual(first.counts);
    expect((await list('open=false')).items.map((a) => a.projectCode)).toEqual(['P-WB-CLOSED']);

    // Each open alert says when it escalates: the severity's hours after it reached that severity.
    const early = first.items[0];
    expect(early.escalation).toEqual({
      hours: 4,
      dueAt: new Date((await rowOf(redEarly.id)).severity_since.getTime() + 4 * HOUR).toISOString(),
      escalated: false,
    });
    expect(first.items[2].escalation?.hours).toBe(24);
    expect(second.items[0].escalation?.hours).toBe(72);
    expect(second.items.find((a) => a.projectCode === 'P-WB-B')?.escalation).toBeNull();
    expect(second.items.find((a) => a.projectCode === 'P-WB-ACK')?.escalation).toBeNull();

    // The default order stays newest first.
    const recent = await list('open=true');
    expect(recent.items[0].projectCode).not.toBe('P-WB-R-EARLY');
    expect(recent.items.at(-1)?.projectCode).toBe('P-WB-Y-OLD');
  });

  it('names the people who may take an alert: inspectors and leaders whose region covers it, nearest first', async () => {
    const row = await raise('P-WB-ASSIGN', 'ORANGE');
    const answer = await t.http.get(`/api/v1/alerts/${row.id}/assignees`).set(bearer(token));
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { username: 'lin.inspector', displayName: 'lin.inspector', role: 'INSPECTOR', regionCode: '350206' },
      { username: 'xu.city', displayName: 'xu.city', role: 'INSPECTOR', regionCode: '350200' },
      { username: 'he.leader', displayName: 'he.leader', role: 'LEADER', regionCode: '350000' },
    ]);
    // Whoever it names, assigning accepts; another district's inspector it does not name, and assigning refuses.
    const assigned = await t.http
      .post(`/api/v1/alerts/${row.id}/assign`)
      .set(bearer(token))
      .send({ username: 'xu.city' });
    expect(assigned.status).toBe(200);
    const refused = await t.http
      .post(`/api/v1/alerts/${row.id}/assign`)
      .set(bearer(token))
      .send({ username: 'gao.elsewhere' });
    expect(refused.status).toBe(422);

    const far = await t.http
      .get(`/api/v1/alerts/${row.id}/assignees`)
      .set(bearer(await login(t, 'gao.elsewhere')));
    expect(far.status).toBe(404);
  });

  const rowOf = async (id: string) =>
    (await t.dataSource.query(`SELECT severity_since FROM alerts.alerts WHERE id = $1`, [id]))[0] as {
      severity_since: Date;
    };
});
