import { Topics, parseEvent, projectEvents } from '@wage/contracts';
import { addCalendarDays, dateInShanghai } from '@wage/domain';
import { hashApiKey, makeCaseInsensitiveUnique } from '@wage/platform';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  creditCode,
  projectBody,
  registerProject,
  startRosterService,
  userToken,
  worker,
} from '../testing/roster-test-kit';

describe('projects (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let admin: { Authorization: string };

  beforeAll(async () => {
    service = await startRosterService();
    reader = await TopicReader.start(service.topic(Topics.project));
    admin = bearer(service.env.ADMIN_API_KEY);
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  it('registers a project, shows its key once, keeps only the hash, and publishes ProjectRegistered', async () => {
    const response = await service.http.post('/api/v1/projects').set(admin).send(projectBody('XM-P-1'));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ code: 'XM-P-1', apiKey: expect.stringMatching(/^wgp_/) });
    const apiKey = response.body.apiKey as string;
    const [stored] = await service.dataSource.query(
      `SELECT api_key_hash FROM roster.projects WHERE code = 'XM-P-1'`,
    );
    expect(stored.api_key_hash).toBe(hashApiKey(apiKey));

    const [message] = await reader.waitFor((m) => m.length >= 1, { description: 'ProjectRegistered' });
    const event = parseEvent(projectEvents, message.value);
    expect(event.ok && event.event.data).toMatchObject({
      code: 'XM-P-1',
      contractAmountFen: 12_800_000_000,
      status: 'IN_CONSTRUCTION',
      apiKeyHash: hashApiKey(apiKey),
    });
    expect(message.value).not.toContain(apiKey);

    const own = await service.http.get('/api/v1/projects/XM-P-1').set(bearer(apiKey));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ code: 'XM-P-1', contractAmount: '128000000.00', payday: 15 });
  });

  it('refuses a project with bad fields, naming each', async () => {
    const response = await service.http
      .post('/api/v1/projects')
      .set(admin)
      .send({
        ...projectBody('XM-P-BAD'),
        regionCode: '35020',
        contractor: { name: 'Haixi', creditCode: creditCode('MA2X0001').slice(0, 17) + '0' },
        contractAmount: '12.345',
        payday: 32,
        startDate: '2026-02-30',
      });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['contractAmount', 'contractor.creditCode', 'payday', 'regionCode', 'startDate']);
    expect(await service.http.get('/api/v1/projects/XM-P-BAD').set(admin)).toHaveProperty('status', 404);
  });

  it('registers a project only in a district that exists in GB/T 2260', async () => {
    const register = (code: string, regionCode: string) =>
      service.http
        .post('/api/v1/projects')
        .set(admin)
        .send({ ...projectBody(code), regionCode });
    for (const [regionCode, message] of [
      ['999999', '"999999" is no district in GB/T 2260'],
      ['350299', '"350299" is no district in GB/T 2260'],
      ['350200', '"350200" is 厦门市, a province or city; a project is registered in its district'],
    ]) {
      const refused = await register(`XM-P-R${regionCode}`, regionCode);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        expect.objectContaining({ field: 'regionCode', message: expect.stringContaining(message) }),
      ]);
    }
    // A city without districts is its own county-level division (东莞市).
    expect((await register('GD-P-DG', '441900')).status).toBe(201);
  });

  it('refuses a second project with the same code, and registration by anyone but the administrator', async () => {
    const key = await registerProject(service, 'XM-P-2');
    expect((await service.http.post('/api/v1/projects').set(admin).send(projectBody('XM-P-2'))).status).toBe(
      409,
    );
    const byProject = await service.http
      .post('/api/v1/projects')
      .set(bearer(key))
      .send(projectBody('XM-P-3'));
    expect(byProject.status).toBe(403);
  });

  // Found by the attack pass (issue 16 item 12): pt0164-a and PT0164-A were registered side by side.
  it('keeps project codes unique whatever their case and finds a project by its code in any case', async () => {
    const key = await registerProject(service, 'PT0164-A');
    const again = await service.http.post('/api/v1/projects').set(admin).send(projectBody('pt0164-a'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: 'PROJECT_EXISTS',
      message: expect.stringContaining('与已登记的 "PT0164-A" 只有大小写不同'),
    });
    const [{ n }] = await service.dataSource.query(
      `SELECT count(*)::int AS n FROM roster.projects WHERE lower(code) = 'pt0164-a'`,
    );
    expect(n).toBe(1);
    // Any case reaches the project under its registered spelling, and its own key may act on it so.
    const shown = await service.http.get('/api/v1/projects/pt0164-A').set(admin);
    expect(shown.status).toBe(200);
    expect(shown.body.code).toBe('PT0164-A');
    expect((await service.http.get('/api/v1/projects/pt0164-a').set(bearer(key))).status).toBe(200);
    const roll = await service.http
      .put('/api/v1/projects/pt0164-a/workers')
      .set(bearer(key))
      .send({ workers: [worker(1)] });
    expect(roll.status).toBe(200);
    const [{ code }] = await service.dataSource.query(
      `SELECT DISTINCT project_code AS code FROM roster.workers WHERE lower(project_code) = 'pt0164-a'`,
    );
    expect(code).toBe('PT0164-A');
  });

  // An installation that took both spellings before: the migration keeps both rows and reports the later one.
  it('makes a column unique whatever the case without failing on the duplicates already there', async () => {
    const runner = service.dataSource.createQueryRunner();
    const target = { table: 'roster.case_check', column: 'code', registeredAt: 'created_at' };
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await runner.query(
        `CREATE TABLE roster.case_check (code text PRIMARY KEY, created_at timestamptz NOT NULL)`,
      );
      await runner.query(
        `INSERT INTO roster.case_check VALUES ('AB-1', '2026-01-01'), ('ab-1', '2026-02-01'), ('Ab-1', '2026-03-01'),
           ('CD-2', '2026-01-01')`,
      );
      const duplicates = await makeCaseInsensitiveUnique(runner, target);
      expect(duplicates.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
        { value: 'ab-1', duplicateOf: 'AB-1' },
        { value: 'Ab-1', duplicateOf: 'AB-1' },
      ]);
      expect(warnings).toHaveBeenCalledTimes(2);
      expect(
        await runner.query(
          `SELECT code, code_case_duplicate_of AS of FROM roster.case_check ORDER BY created_at`,
        ),
      ).toEqual([
        { code: 'AB-1', of: null },
        { code: 'CD-2', of: null },
        { code: 'ab-1', of: 'AB-1' },
        { code: 'Ab-1', of: 'AB-1' },
      ]);
      await expect(runner.query(`INSERT INTO roster.case_check VALUES ('aB-1', now())`)).rejects.toThrow(
        /case_check_code_folded_key/,
      );
      await expect(runner.query(`INSERT INTO roster.case_check VALUES ('cd-2', now())`)).rejects.toThrow(
        /case_check_code_folded_key/,
      );
    } finally {
      warnings.mockRestore();
      await runner.query(`DROP TABLE IF EXISTS roster.case_check`);
      await runner.release();
    }
  });

  it('shows a project to users covering its region and hides it (404) from others', async () => {
    await registerProject(service, 'XM-P-4', '350206');
    const get = (token: string) => service.http.get('/api/v1/projects/XM-P-4').set(bearer(token));
    expect((await get(userToken(service, '350206'))).status).toBe(200);
    expect((await get(userToken(service, '350000', 'LEADER'))).status).toBe(200);
    expect((await get(userToken(service, '350203'))).status).toBe(404);
    expect((await get(userToken(service, '440000'))).status).toBe(404);
    expect((await get(userToken(service, '440000', 'ADMIN'))).status).toBe(200);
  });

  it('places a project in a grid of its district on registration and by PATCH, and publishes the change', async () => {
    const inGrid = await service.http
      .post('/api/v1/projects')
      .set(admin)
      .send({ ...projectBody('XM-G-1'), gridCode: '350206001' });
    expect(inGrid.status).toBe(201);
    const key = inGrid.body.apiKey as string;
    const shown = await service.http.get('/api/v1/projects/XM-G-1').set(admin).expect(200);
    expect(shown.body).toMatchObject({ regionCode: '350206', gridCode: '350206001' });
    // A grid assistant sees the projects of their grid only: not a sibling grid's, not the district's others.
    const asAssistant = (grid: string, project: string) =>
      service.http.get(`/api/v1/projects/${project}`).set(bearer(userToken(service, grid, 'GRID_ASSISTANT')));
    expect((await asAssistant('350206001', 'XM-G-1')).status).toBe(200);
    expect((await asAssistant('350206002', 'XM-G-1')).status).toBe(404);
    await registerProject(service, 'XM-G-DISTRICT');
    expect((await asAssistant('350206001', 'XM-G-DISTRICT')).status).toBe(404);
    const byAssistant = await service.http
      .patch('/api/v1/projects/XM-G-1')
      .set(bearer(userToken(service, '350206001', 'GRID_ASSISTANT')))
      .send({ gridCode: '350206002004' });
    expect([403, 404]).toContain(byAssistant.status);
    // A grid of another district (思明区's 厦港街道), a district code or an unknown street is refused.
    for (const gridCode of ['350203001', '350206', '350206999']) {
      const bad = await service.http
        .post('/api/v1/projects')
        .set(admin)
        .send({ ...projectBody(`XM-G-BAD-${gridCode}`), gridCode });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'gridCode' })]);
    }
    const outside = await service.http
      .post('/api/v1/projects')
      .set(admin)
      .send({ ...projectBody('XM-G-BAD'), gridCode: '350203001' });
    expect(outside.body.details[0].message).toContain("is not in the project's district 湖里区（350206）");

    const patch = (body: object, token: { Authorization: string }) =>
      service.http.patch('/api/v1/projects/XM-G-1').set(token).send(body);
    // An inspector of the district moves it to a 社区 of another street; the project itself may not.
    expect((await patch({ gridCode: '350206002004' }, bearer(key))).status).toBe(403);
    expect(
      (await patch({ gridCode: '350206002004' }, bearer(userToken(service, '350206', 'LEADER')))).status,
    ).toBe(403);
    expect((await patch({ gridCode: '350206002004' }, bearer(userToken(service, '350203')))).status).toBe(
      404,
    );
    const moved = await patch({ gridCode: '350206002004' }, bearer(userToken(service, '350206')));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ gridCode: '350206002004', changed: true });
    expect((await patch({ gridCode: '350203001' }, admin)).status).toBe(400);
    expect((await patch({ gridCode: '350206002004' }, admin)).body.changed).toBe(false);
    const out = await patch({ gridCode: null }, admin);
    expect(out.body.changed).toBe(true);
    expect(out.body.gridCode).toBeUndefined();

    const messages = await reader.waitFor(
      (m) =>
        m.filter((x) => x.key === 'XM-G-1' && x.headers['event-type'] === 'ProjectGridChanged').length >= 2,
      { description: 'two ProjectGridChanged of XM-G-1' },
    );
    const events = messages
      .filter((m) => m.key === 'XM-G-1')
      .map((m) => parseEvent(projectEvents, m.value))
      .flatMap((e) => (e.ok ? [e.event] : []));
    // The document describes both kinds of change as one object, the grid beside the status fields.
    const doc = await service.http.get('/openapi.json').expect(200);
    const patchBody = doc.body.paths['/api/v1/projects/{code}'].patch.requestBody.content['application/json'];
    const ref = (patchBody.schema.$ref as string).split('/').pop()!;
    expect(Object.keys(doc.body.components.schemas[ref].properties).sort()).toEqual([
      'effectiveDate',
      'gridCode',
      'reason',
      'status',
    ]);
    expect(events.map((e) => [e.type, 'gridCode' in e.data ? e.data.gridCode : undefined])).toEqual([
      ['ProjectRegistered', '350206001'],
      ['ProjectGridChanged', '350206002004'],
      ['ProjectGridChanged', null],
    ]);
  });

  const statusEvents = async (code: string, count: number) => {
    const messages = await reader.waitFor(
      (m) =>
        m.filter((x) => x.key === code && x.headers['event-type'] === 'ProjectStatusChanged').length >= count,
      { description: `${count} ProjectStatusChanged of ${code}` },
    );
    return messages
      .filter((m) => m.key === code)
      .map((m) => parseEvent(projectEvents, m.value))
      .flatMap((e) => (e.ok && e.event.type === 'ProjectStatusChanged' ? [e.event.data] : []));
  };

  it('changes status with an effective date when an administrator or inspector of the region says so', async () => {
    const key = await registerProject(service, 'XM-P-5');
    const otherKey = await registerProject(service, 'XM-P-6');
    const patch = (token: string, body: object) =>
      service.http.patch('/api/v1/projects/XM-P-5').set(bearer(token)).send(body);
    const inspector = userToken(service, '350206');

    expect((await patch(otherKey, { status: 'SUSPENDED', effectiveDate: '2026-07-01' })).status).toBe(403);
    expect((await patch(inspector, { status: 'SUSPENDED', effectiveDate: '2026-01-01' })).status).toBe(400); // before start
    expect((await patch(inspector, { status: 'HALTED', effectiveDate: '2026-07-01' })).status).toBe(400);
    expect(
      (await patch(userToken(service, '350203'), { status: 'SUSPENDED', effectiveDate: '2026-07-01' }))
        .status,
    ).toBe(404);
    expect(
      (
        await patch(userToken(service, '350206', 'LEADER'), {
          status: 'SUSPENDED',
          effectiveDate: '2026-07-01',
        })
      ).status,
    ).toBe(403);
    const suspended = await patch(inspector, { status: 'SUSPENDED', effectiveDate: '2026-07-01' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'SUSPENDED',
      statusEffectiveDate: '2026-07-01',
      changed: true,
    });
    const again = await patch(service.env.ADMIN_API_KEY, {
      status: 'SUSPENDED',
      effectiveDate: '2026-07-02',
    });
    expect(again.body).toMatchObject({ statusEffectiveDate: '2026-07-01', changed: false });
    // The project asking for the status it has changes nothing and files no request.
    expect((await patch(key, { status: 'SUSPENDED', effectiveDate: '2026-08-01' })).status).toBe(200);

    const changes = await statusEvents('XM-P-5', 1);
    expect(changes).toEqual([
      { code: 'XM-P-5', status: 'SUSPENDED', previousStatus: 'IN_CONSTRUCTION', effectiveDate: '2026-07-01' },
    ]);
  });

  // Issue 16: with its own key a project set itself COMPLETED from 8 months back (200) and no alert was raised
  // for it afterwards. A project's change is now a request, and no change is dated before work already reported.
  it("takes a project's status change as a request that an inspector approves or rejects", async () => {
    const key = await registerProject(service, 'XM-P-7');
    const inspector = userToken(service, '350206');
    const put = await service.http
      .put('/api/v1/projects/XM-P-7/workers')
      .set(bearer(key))
      .send({ workers: [worker(701)] });
    expect(put.status).toBe(200);
    const attendance = await service.http
      .post('/api/v1/projects/XM-P-7/attendance')
      .set(bearer(key))
      .send({ month: '2026-11', records: [{ idNumber: worker(701).idNumber, daysWorked: 20 }] });
    expect(attendance.status).toBe(201);
    const patch = (token: string, body: object) =>
      service.http.patch('/api/v1/projects/XM-P-7').set(bearer(token)).send(body);

    // Backdated before the November attendance: refused, from anyone.
    for (const token of [key, inspector, service.env.ADMIN_API_KEY]) {
      const backdated = await patch(token, { status: 'COMPLETED', effectiveDate: '2026-04-01' });
      expect(backdated.status).toBe(400);
      expect(backdated.body.details).toEqual([expect.objectContaining({ code: 'BEFORE_REPORTED_DATA' })]);
    }
    const requested = await patch(key, {
      status: 'COMPLETED',
      effectiveDate: '2026-11-30',
      reason: '竣工验收',
    });
    expect(requested.status).toBe(202);
    expect(requested.body.request).toMatchObject({
      status: 'COMPLETED',
      effectiveDate: '2026-11-30',
      reason: '竣工验收',
      decision: null,
    });
    expect(requested.body.project).toMatchObject({ status: 'IN_CONSTRUCTION' });
    const id = requested.body.request.id as string;
    expect((await service.http.get('/api/v1/projects/XM-P-7').set(bearer(key))).body.status).toBe(
      'IN_CONSTRUCTION',
    );
    const listed = await service.http.get('/api/v1/projects/XM-P-7/status-requests').set(bearer(inspector));
    expect(listed.body.items).toEqual([expect.objectContaining({ id, decision: null })]);

    const decide = (token: string, action: string, requestId = id) =>
      service.http
        .post(`/api/v1/projects/XM-P-7/status-requests/${requestId}/${action}`)
        .set(bearer(token))
        .send({ note: '现场核实' });
    expect((await decide(key, 'approve')).status).toBe(403); // the project never approves itself
    expect((await decide(userToken(service, '350203'), 'approve')).status).toBe(404);
    expect((await decide(userToken(service, '350206', 'LEADER'), 'approve')).status).toBe(403);
    const approved = await decide(inspector, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ decision: 'APPROVED', decidedBy: 'user:user-350206' });
    expect(approved.body.project).toMatchObject({ status: 'COMPLETED', statusEffectiveDate: '2026-11-30' });
    expect((await decide(inspector, 'reject')).status).toBe(409);

    // A second request, rejected: nothing changes.
    const resume = await patch(key, { status: 'IN_CONSTRUCTION', effectiveDate: '2026-12-01' });
    expect(resume.status).toBe(202);
    const rejected = await decide(service.env.ADMIN_API_KEY, 'reject', resume.body.request.id);
    expect(rejected.body.request).toMatchObject({ decision: 'REJECTED', note: '现场核实' });
    expect((await service.http.get('/api/v1/projects/XM-P-7').set(bearer(key))).body.status).toBe(
      'COMPLETED',
    );
    expect(await statusEvents('XM-P-7', 1)).toEqual([
      { code: 'XM-P-7', status: 'COMPLETED', previousStatus: 'IN_CONSTRUCTION', effectiveDate: '2026-11-30' },
    ]);
  });

  // Issue 16: SUSPENDED dated 2099-01-01 showed as suspended today, and an administrator could not undo it.
  it('refuses changes more than 30 days ahead, shows a scheduled one beside the status in force, lets an administrator correct it', async () => {
    await registerProject(service, 'XM-P-8');
    const inspector = userToken(service, '350206');
    const patch = (token: string, body: object) =>
      service.http.patch('/api/v1/projects/XM-P-8').set(bearer(token)).send(body);
    const farAhead = await patch(service.env.ADMIN_API_KEY, {
      status: 'SUSPENDED',
      effectiveDate: '2099-01-01',
    });
    expect(farAhead.status).toBe(400);
    expect(farAhead.body.details).toEqual([expect.objectContaining({ code: 'TOO_FAR_AHEAD' })]);

    const inTenDays = addCalendarDays(dateInShanghai(new Date()), 10);
    const scheduled = await patch(inspector, { status: 'SUSPENDED', effectiveDate: inTenDays });
    expect(scheduled.status).toBe(200);
    const shown = await service.http.get('/api/v1/projects/XM-P-8').set(bearer(inspector));
    expect(shown.body).toMatchObject({
      status: 'IN_CONSTRUCTION',
      statusEffectiveDate: '2026-03-01',
      scheduledStatus: { status: 'SUSPENDED', effectiveDate: inTenDays },
    });
    // Only an administrator corrects a scheduled change; an inspector is told so.
    const byInspector = await patch(inspector, { status: 'IN_CONSTRUCTION', effectiveDate: inTenDays });
    expect(byInspector.status).toBe(409);
    const corrected = await patch(service.env.ADMIN_API_KEY, {
      status: 'IN_CONSTRUCTION',
      effectiveDate: inTenDays,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'IN_CONSTRUCTION', statusEffectiveDate: '2026-03-01' });
    expect(corrected.body.scheduledStatus).toBeUndefined();
    // Consumers keep a history: the correction undoes the scheduled change on its date.
    expect(await statusEvents('XM-P-8', 2)).toEqual([
      { code: 'XM-P-8', status: 'SUSPENDED', previousStatus: 'IN_CONSTRUCTION', effectiveDate: inTenDays },
      { code: 'XM-P-8', status: 'IN_CONSTRUCTION', previousStatus: 'SUSPENDED', effectiveDate: inTenDays },
    ]);
  });

  it('refuses unknown and missing keys', async () => {
    const unknown = await service.http
      .get('/api/v1/projects/XM-P-1')
      .set(bearer('wgp_not-a-key-anyone-was-given'));
    expect(unknown.status).toBe(401);
    expect((await service.http.get('/api/v1/projects/XM-P-1')).status).toBe(401);
  });
});
