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

/** A grid assistant (协管员) of 湖里街道 over the real API, PostgreSQL and Kafka. */
describe('grid assistants (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let assistant: string;
  let inspector: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startAlertApp();
    await createUser(t, { username: 'zhou.grid', role: 'GRID_ASSISTANT', regionCode: '350206001' });
    await createUser(t, { username: 'li.district', role: 'INSPECTOR', regionCode: '350206' });
    assistant = await login(t, 'zhou.grid');
    inspector = await login(t, 'li.district');
    // In 湖里街道 (350206001), in 殿前街道 (350206002), and in the district without a grid.
    for (const [project, grid] of [
      ['P-GRID-IN', '350206001'],
      ['P-GRID-SIBLING', '350206002'],
      ['P-GRID-NONE', undefined],
    ] as const) {
      const data = {
        ...alertData({ projectCode: project, regionCode: '350206' }),
        ...(grid && { gridCode: grid }),
      };
      await publishAlertEvent(t, 'AlertRaised', data);
      ids[project] = String((await waitForAlert(t, data.alertKey)).id);
    }
  });
  afterAll(() => t.close());

  it("sees only their grid's alerts, in lists, counts and details", async () => {
    const own = await t.http.get('/api/v1/alerts').set(bearer(assistant)).expect(200);
    expect(own.body.items.map((a: { projectCode: string }) => a.projectCode)).toEqual(['P-GRID-IN']);
    expect(own.body.counts).toMatchObject({ open: 1 });
    await t.http.get(`/api/v1/alerts/${ids['P-GRID-IN']}`).set(bearer(assistant)).expect(200);
    await t.http.get(`/api/v1/alerts/${ids['P-GRID-SIBLING']}`).set(bearer(assistant)).expect(404);
    await t.http.get(`/api/v1/alerts/${ids['P-GRID-NONE']}`).set(bearer(assistant)).expect(404);
    // Asking for the district or a sibling grid does not widen the scope.
    const district = await t.http.get('/api/v1/alerts?regionCode=350206').set(bearer(assistant)).expect(200);
    expect(district.body.items).toHaveLength(1);
    const sibling = await t.http
      .get('/api/v1/alerts?regionCode=350206002')
      .set(bearer(assistant))
      .expect(200);
    expect(sibling.body.items).toHaveLength(0);
    // The district's inspector sees all three, and can narrow to the grid.
    const all = await t.http.get('/api/v1/alerts').set(bearer(inspector)).expect(200);
    expect(all.body.total).toBe(3);
    const grid = await t.http.get('/api/v1/alerts?regionCode=350206001').set(bearer(inspector)).expect(200);
    expect(grid.body.items.map((a: { projectCode: string }) => a.projectCode)).toEqual(['P-GRID-IN']);
  });

  it('acts on none of them: no acknowledgement, assignment, resolution or dismissal, and is no assignee', async () => {
    const id = ids['P-GRID-IN'];
    for (const [action, body] of [
      ['acknowledge', {}],
      ['assign', { username: 'li.district' }],
      ['resolve', { note: '已核实' }],
      ['dismiss', { reason: '误报' }],
    ] as const) {
      const refused = await t.http.post(`/api/v1/alerts/${id}/${action}`).set(bearer(assistant)).send(body);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('网格协管员');
    }
    await t.http.post(`/api/v1/alerts/${id}/acknowledge`).set(bearer(inspector)).send({}).expect(200);
    const toAssistant = await t.http
      .post(`/api/v1/alerts/${id}/assign`)
      .set(bearer(inspector))
      .send({ username: 'zhou.grid' });
    expect(toAssistant.status).toBe(422);
  });

  it('is a user of one grid: a district code is refused, at creation and when the role changes', async () => {
    const created = await t.http.post('/api/v1/users').set(bearer(t.env.ADMIN_API_KEY)).send({
      username: 'wu.grid',
      password: 'a-long-enough-password',
      role: 'GRID_ASSISTANT',
      regionCode: '350206',
      displayName: '吴',
    });
    expect(created.status).toBe(400);
    expect(created.body.details).toEqual([expect.objectContaining({ field: 'regionCode' })]);
    const changed = await t.http
      .patch('/api/v1/users/li.district')
      .set(bearer(t.env.ADMIN_API_KEY))
      .send({ role: 'GRID_ASSISTANT' });
    expect(changed.status).toBe(400);
  });
});
