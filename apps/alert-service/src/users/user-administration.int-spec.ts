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

/** The administrator's GET /users and PATCH /users/{username} over the real API and PostgreSQL. */
describe('user administration (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startAlertApp();
    admin = t.env.ADMIN_API_KEY;
    await createUser(t, {
      username: 'ma.inspector',
      role: 'INSPECTOR',
      regionCode: '350206',
      displayName: '马监察',
    });
    await createUser(t, {
      username: 'qi.leader',
      role: 'LEADER',
      regionCode: '350200',
      displayName: '齐局长',
    });
    await createUser(t, { username: 'su.admin', role: 'ADMIN', regionCode: '000000', displayName: '苏管理' });
  });
  afterAll(() => t.close());

  const patch = (username: string, body: object, token = admin) =>
    t.http.patch(`/api/v1/users/${username}`).set(bearer(token)).send(body);

  it('lists users with filters and paging, never a password hash', async () => {
    const all = await t.http.get('/api/v1/users').set(bearer(admin));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(all.body.items.map((u: { username: string }) => u.username)).toEqual([
      'su.admin',
      'qi.leader',
      'ma.inspector',
    ]);
    expect(all.body.items[2]).toEqual({
      username: 'ma.inspector',
      role: 'INSPECTOR',
      regionCode: '350206',
      displayName: '马监察',
      email: null,
      disabled: false,
      disabledAt: null,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(all.body)).not.toMatch(/password|\$argon|\$scrypt/i);
    const leaders = await t.http.get('/api/v1/users?role=LEADER').set(bearer(admin));
    expect(leaders.body.items.map((u: { username: string }) => u.username)).toEqual(['qi.leader']);
    const second = await t.http.get('/api/v1/users?pageSize=2&page=2').set(bearer(admin));
    expect(second.body.items).toHaveLength(1);
    // An inspector may not list users.
    const inspector = await login(t, 'ma.inspector');
    expect((await t.http.get('/api/v1/users').set(bearer(inspector))).status).toBe(403);
  });

  it('disables a user: no login, not offered or accepted as assignee; enabling restores them; all recorded', async () => {
    const data = alertData({ projectCode: 'P-ADM-1', regionCode: '350206', severity: 'ORANGE' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const alert = await waitForAlert(t, data.alertKey);
    const leader = await login(t, 'qi.leader');

    const disabled = await patch('ma.inspector', { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({
      username: 'ma.inspector',
      disabled: true,
      disabledAt: expect.any(String),
    });
    const refused = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'ma.inspector', password: 'a-long-enough-password' });
    expect(refused.status).toBe(401);
    const offered = await t.http.get(`/api/v1/alerts/${alert.id}/assignees`).set(bearer(leader));
    expect(offered.body.items.map((u: { username: string }) => u.username)).toEqual(['qi.leader']);
    const assign = await t.http
      .post(`/api/v1/alerts/${alert.id}/assign`)
      .set(bearer(leader))
      .send({ username: 'ma.inspector' });
    expect(assign.status).toBe(422);
    expect((await t.http.get('/api/v1/users?disabled=true').set(bearer(admin))).body.total).toBe(1);

    expect((await patch('ma.inspector', { disabled: false })).body.disabled).toBe(false);
    expect((await login(t, 'ma.inspector')).length).toBeGreaterThan(20);

    // A password reset: the old one stops working, the new one works; the log says RESET, never the password.
    const reset = await patch('ma.inspector', { password: 'a-brand-new-password-2026' });
    expect(reset.status).toBe(200);
    const old = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'ma.inspector', password: 'a-long-enough-password' });
    expect(old.status).toBe(401);
    await login(t, 'ma.inspector', 'a-brand-new-password-2026');

    const moved = await patch('ma.inspector', {
      regionCode: '350203',
      role: 'LEADER',
      displayName: '马科长',
    });
    expect(moved.body).toMatchObject({ regionCode: '350203', role: 'LEADER', displayName: '马科长' });

    const log = await t.dataSource.query(
      `SELECT actor, changes FROM alerts.user_changes WHERE username = 'ma.inspector' ORDER BY id`,
    );
    expect(log).toEqual([
      { actor: 'admin', changes: { disabled: true } },
      { actor: 'admin', changes: { disabled: false } },
      { actor: 'admin', changes: { password: 'RESET' } },
      { actor: 'admin', changes: { regionCode: '350203', role: 'LEADER', displayName: '马科长' } },
    ]);
    expect(JSON.stringify(log)).not.toContain('a-brand-new-password-2026');
    // Sending what is already so changes nothing and records nothing.
    const again = await patch('ma.inspector', { role: 'LEADER', displayName: '马科长', disabled: false });
    expect(again.status).toBe(200);
    const [{ entries }] = await t.dataSource.query(
      `SELECT count(*)::int AS entries FROM alerts.user_changes WHERE username = 'ma.inspector'`,
    );
    expect(entries).toBe(4);
    await expect(t.dataSource.query(`DELETE FROM alerts.user_changes`)).rejects.toThrow(/append-only/);
  });

  it('refuses an empty change, an unknown user, a short password, and an administrator disabling or demoting themself', async () => {
    expect((await patch('qi.leader', {})).status).toBe(400);
    expect((await patch('nobody', { disabled: true })).status).toBe(404);
    const short = await patch('qi.leader', { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('at least 12 characters');
    const self = await patch('su.admin', { disabled: true }, await login(t, 'su.admin'));
    expect(self.status).toBe(409);
    expect(self.body.error).toBe('CANNOT_DISABLE_SELF');
    const demoted = await patch('su.admin', { role: 'INSPECTOR' }, await login(t, 'su.admin'));
    expect(demoted.status).toBe(409);
    expect(demoted.body.error).toBe('CANNOT_DEMOTE_SELF');
    // Another administrator's action is recorded as theirs.
    const byUser = await patch('qi.leader', { displayName: '齐处长' }, await login(t, 'su.admin'));
    expect(byUser.status).toBe(200);
    const [entry] = await t.dataSource.query(
      `SELECT actor FROM alerts.user_changes WHERE username = 'qi.leader' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.actor).toContain('su.admin');
  });

  it('places a user in a grid below a district (a 街道 or 社区 of the dataset) and refuses an unknown one', async () => {
    await createUser(t, { username: 'lin.grid', role: 'LEADER', regionCode: '350206001', displayName: '林' });
    const token = await login(t, 'lin.grid');
    const own = await t.http.get('/api/v1/alerts?regionCode=350206001').set(bearer(token));
    expect(own.status).toBe(200);
    const moved = await patch('lin.grid', { regionCode: '350206001001' });
    expect(moved.status).toBe(200);
    expect(moved.body.regionCode).toBe('350206001001');
    const unknown = await t.http.post('/api/v1/users').set(bearer(admin)).send({
      username: 'nobody.grid',
      password: 'a-long-enough-password',
      role: 'LEADER',
      regionCode: '350206999',
      displayName: '无',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({
        field: 'regionCode',
        message: expect.stringContaining('e.g. "350206001" (湖里街道)'),
      }),
    ]);
    expect((await patch('lin.grid', { regionCode: '3502060010' })).status).toBe(400);
  });
});
